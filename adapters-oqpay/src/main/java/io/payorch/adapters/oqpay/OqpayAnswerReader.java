package io.payorch.adapters.oqpay;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.wire.ProviderAnswer;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads OQPay's answer. Success: {@code {"success": true, "data": {"txnId", "refId", "qrString",
 * "upiLink", "status", "expiresAt", "expiresInSeconds", "txnDate", ...}, "message"}}; the schema
 * says {@code success} and {@code expiresInSeconds} are strings while the example sends a boolean
 * and a number, so both are read. {@code expiresAt} is UTC; {@code txnDate} has no zone and is
 * Indian time. Errors: {@code {"status": "ERROR", "subCode", "message"}} or {@code success: false}.
 */
final class OqpayAnswerReader {

    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final DateTimeFormatter TXN_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OqpayAnswerReader() {
    }

    static ProviderOutcome<ProviderQr> read(ProviderAnswer answer) {
        Optional<ProviderOutcome<ProviderQr>> error = answer.errorOutcome();
        if (error.isPresent()) {
            return error.get();
        }
        String code = answer.errorCode();
        String message = answer.errorMessage();
        Optional<String> success = answer.text("success").map(s -> s.toLowerCase(Locale.ROOT));
        if (success.isPresent() && success.get().equals("false")) {
            return new ProviderOutcome.Rejected<>(code, message, answer.rejectionReason());
        }
        Map<String, Object> data = answer.object("data").orElse(null);
        if (data == null || success.isEmpty() || !success.get().equals("true")) {
            return new ProviderOutcome.Unknown<>("answer carried no success flag and data", false);
        }
        String status = ProviderAnswer.text(data, "status").orElse("").toUpperCase(Locale.ROOT);
        if (status.startsWith("FAIL") || status.equals("REJECTED") || status.equals("ERROR")) {
            return new ProviderOutcome.Rejected<>(status, message, answer.rejectionReason());
        }
        Optional<String> intent = ProviderAnswer.text(data, "qrString").or(() -> ProviderAnswer.text(data, "upiLink"));
        if (intent.isEmpty()) {
            return new ProviderOutcome.Unknown<>("answer carried no UPI intent", false);
        }
        String reference = ProviderAnswer.text(data, "txnId").or(() -> ProviderAnswer.text(data, "refId")).orElse(null);
        Instant expiresAt;
        try {
            expiresAt = expiry(data);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return new ProviderOutcome.Unknown<>("unreadable expiresAt, txnDate or expiresInSeconds", false);
        }
        return new ProviderOutcome.Accepted<>(new ProviderQr(Provider.OQPAY, reference, intent.get(), null, expiresAt));
    }

    /** {@code expiresAt} (UTC) when given, else {@code txnDate} (Indian time) plus {@code expiresInSeconds}. */
    private static Instant expiry(Map<String, Object> data) {
        Optional<String> expiresAt = ProviderAnswer.text(data, "expiresAt");
        if (expiresAt.isPresent()) {
            return Instant.parse(expiresAt.get());
        }
        Optional<String> txnDate = ProviderAnswer.text(data, "txnDate");
        Optional<String> seconds = ProviderAnswer.text(data, "expiresInSeconds");
        if (txnDate.isPresent() && seconds.isPresent()) {
            long lifetime = new BigDecimal(seconds.get()).longValueExact();
            return LocalDateTime.parse(txnDate.get(), TXN_DATE).toInstant(IST).plusSeconds(lifetime);
        }
        return null;
    }
}
