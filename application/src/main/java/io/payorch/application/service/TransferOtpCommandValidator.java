package io.payorch.application.service;

import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.TransferOtpSettings;
import io.payorch.application.port.in.SendTransferOtpCommand;
import io.payorch.application.port.out.TransferOtpProviderRequest;
import io.payorch.domain.DomainException;
import io.payorch.domain.Money;
import io.payorch.domain.TransferType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks every field of a transfer-OTP request before anything is stored or sent, and answers all
 * problems at once. Error messages never repeat the personal data they refuse.
 */
final class TransferOtpCommandValidator {

    /** Ages are counted on the Indian calendar day, whatever the server's zone. */
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final int OLDEST_PLAUSIBLE_AGE = 120;
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern MOBILE = Pattern.compile("[6-9]\\d{9}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PINCODE = Pattern.compile("[1-9]\\d{5}");
    private static final Pattern DEGREES = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,10})?");
    private static final int ADDRESS_MAX = 200;

    private final TransferOtpSettings settings;
    private final Clock clock;

    TransferOtpCommandValidator(TransferOtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    TransferOtpProviderRequest validated(String otpId, SendTransferOtpCommand c) {
        List<FieldError> errors = new ArrayList<>();
        String registrationId = identifier(errors, "registrationId", c.registrationId());
        String mobile = mobile(errors, c.remitterMobile());
        String beneficiaryId = identifier(errors, "beneficiaryId", c.beneficiaryId());
        TransferType type = attempt(errors, () -> TransferType.parse(c.transferType()));
        Money amount = amount(errors, c.amount());
        String pincode = pincode(errors, c.pincode());
        String address = address(errors, c.address());
        LocalDate dateOfBirth = dateOfBirth(errors, c.dateOfBirth());
        BigDecimal latitude = degrees(errors, "latitude", c.latitude(), 90);
        BigDecimal longitude = degrees(errors, "longitude", c.longitude(), 180);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TransferOtpProviderRequest(otpId, registrationId, mobile, beneficiaryId, type, amount, pincode,
                address, dateOfBirth, latitude, longitude);
    }

    private static String identifier(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be 1 to 64 letters, digits, '.', '_' or '-'"));
            return null;
        }
        return value;
    }

    private static String mobile(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("remitterMobile", "is required"));
            return null;
        }
        if (!MOBILE.matcher(value).matches()) {
            errors.add(new FieldError("remitterMobile", "must be a 10-digit Indian mobile number starting with 6, 7, 8 or 9"));
            return null;
        }
        return value;
    }

    private Money amount(List<FieldError> errors, String value) {
        Money amount = attempt(errors, () -> Money.parse(value, settings.maximumAmount()));
        if (amount != null && amount.compareTo(settings.minimumAmount()) < 0) {
            errors.add(new FieldError("amount", "must be at least " + settings.minimumAmount().toDecimalString()));
            return null;
        }
        return amount;
    }

    private static String pincode(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("pincode", "is required"));
            return null;
        }
        if (!PINCODE.matcher(value).matches()) {
            errors.add(new FieldError("pincode", "must be a 6-digit Indian PIN code"));
            return null;
        }
        return value;
    }

    private static String address(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("address", "is required"));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > ADDRESS_MAX || trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("address", "must be at most " + ADDRESS_MAX + " characters on one line"));
            return null;
        }
        return trimmed;
    }

    private LocalDate dateOfBirth(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("dateOfBirth", "is required"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("dateOfBirth", "must be a real calendar date written yyyy-MM-dd"));
            return null;
        }
        LocalDate today = LocalDate.now(clock.withZone(INDIA));
        if (date.isAfter(today)) {
            errors.add(new FieldError("dateOfBirth", "must not be in the future"));
            return null;
        }
        int age = Period.between(date, today).getYears();
        if (age < settings.adultAge()) {
            errors.add(new FieldError("dateOfBirth", "must be that of an adult (" + settings.adultAge() + " or older)"));
            return null;
        }
        if (age > OLDEST_PLAUSIBLE_AGE) {
            errors.add(new FieldError("dateOfBirth", "is not a plausible date of birth"));
            return null;
        }
        return date;
    }

    private static BigDecimal degrees(List<FieldError> errors, String field, String value, int limit) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String range = "must be decimal degrees between -" + limit + " and " + limit;
        if (!DEGREES.matcher(value).matches()) {
            errors.add(new FieldError(field, range));
            return null;
        }
        BigDecimal degrees = new BigDecimal(value);
        if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            errors.add(new FieldError(field, range));
            return null;
        }
        return degrees;
    }

    private static <T> T attempt(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
            return null;
        }
    }
}
