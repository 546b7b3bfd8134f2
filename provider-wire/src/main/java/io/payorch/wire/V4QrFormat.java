package io.payorch.wire;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The V4 DynamicQRCode API that AOPay and BOS share: its request, what it can take, and its answer.
 *
 * <p>The pages disagree with themselves about the answer, so every documented variant is accepted:
 * the intent as {@code UPIIntend} or {@code qrCode}; {@code status} "ERROR" is a rejection whatever
 * the HTTP status; {@code Status} "False" without an intent is a rejection; {@code ExpireDateTime}
 * carries an offset.
 */
public final class V4QrFormat {

    /** Where a V4 answer, and a V4 provider's payment callback, carries the provider's QR reference. */
    public static final List<String> REFERENCE_FIELDS = List.of("txnRefranceID", "id");

    private V4QrFormat() {
    }

    /** The request body, exactly as the page's example: {@code {"RegistrationID", "amount": "10"}}. */
    public static Map<String, Object> request(QrProviderRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RegistrationID", request.registrationId());
        body.put("amount", request.amount().toRupeeString());
        return body;
    }

    /** The API issues fixed-amount, single-use QRs only. */
    public static List<FieldError> check(Provider provider, QrProviderRequest request) {
        if (request.usage() == QrUsage.MULTIPLE_USE) {
            return List.of(new FieldError("usage", provider + " issues single_use QRs only"));
        }
        return List.of();
    }

    public static ProviderOutcome<ProviderQr> read(Provider provider, ProviderAnswer answer) {
        Optional<ProviderOutcome<ProviderQr>> error = answer.errorOutcome();
        if (error.isPresent()) {
            return error.get();
        }
        String code = answer.errorCode();
        String message = answer.errorMessage();
        Optional<String> intent = answer.text("UPIIntend").or(() -> answer.text("qrCode"));
        if (intent.isEmpty()) {
            boolean saidNo = answer.text("Status").map(s -> s.equalsIgnoreCase("False")).orElse(false)
                    || answer.text("status").map(s -> s.toLowerCase(Locale.ROOT).startsWith("fail")).orElse(false);
            return saidNo ? new ProviderOutcome.Rejected<>(code, message, answer.rejectionReason())
                    : new ProviderOutcome.Unknown<>("answer carried no UPI intent", false);
        }
        String reference = REFERENCE_FIELDS.stream().map(answer::text).flatMap(Optional::stream).findFirst()
                .orElse(null);
        Instant expiresAt;
        try {
            expiresAt = answer.text("ExpireDateTime").map(t -> OffsetDateTime.parse(t).toInstant()).orElse(null);
        } catch (DateTimeParseException e) {
            return new ProviderOutcome.Unknown<>("unreadable ExpireDateTime", false);
        }
        return new ProviderOutcome.Accepted<>(new ProviderQr(provider, reference, intent.get(), null, expiresAt));
    }
}
