package io.payorch.adapters.razorpay;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.wire.ProviderAnswer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Razorpay's answers: the QR Code entity on success, or its error body
 * {@code {"error": {"code", "description", "field", "source", "step", "reason", "metadata"}}},
 * which is a rejection carrying Razorpay's code, description and field, except a 401 (wrong API
 * key), after which nothing was processed: not attempted.
 */
final class RazorpayAnswerReader {

    private RazorpayAnswerReader() {
    }

    static ProviderOutcome<RazorpayQrCode> read(ProviderAnswer answer) {
        if (!answer.readable()) {
            return answer.failureOutcome(null, null);
        }
        Optional<Map<String, Object>> error = answer.object("error");
        if (error.isPresent() || answer.status() < 200 || answer.status() >= 300) {
            Map<String, Object> e = error.orElse(Map.of());
            String code = ProviderAnswer.text(e, "code").orElse(String.valueOf(answer.status()));
            String description = ProviderAnswer.text(e, "description").orElse("no description");
            String message = ProviderAnswer.text(e, "field").map(f -> description + " (field: " + f + ")")
                    .orElse(description);
            if (answer.status() >= 200 && answer.status() < 300) {
                return new ProviderOutcome.Rejected<>(code, message, answer.rejectionReason());
            }
            if (answer.status() == 401) {
                // our key id or secret is wrong: Razorpay processed nothing, and another provider may serve
                return new ProviderOutcome.NotAttempted<>("Razorpay refused the API key (HTTP 401): " + message);
            }
            return answer.failureOutcome(code, message);
        }
        Optional<String> id = answer.text("id");
        if (id.isEmpty() || answer.text("status").isEmpty()) {
            return new ProviderOutcome.Unknown<>("answer carried no QR Code id or status", false);
        }
        try {
            return new ProviderOutcome.Accepted<>(new RazorpayQrCode(id.get(), answer.text("status").get(),
                    answer.text("usage").orElse(null), answer.text("image_url").orElse(null),
                    number(answer, "payment_amount"), answer.text("fixed_amount").map(Boolean::parseBoolean).orElse(null),
                    orZero(number(answer, "payments_amount_received")), orZero(number(answer, "payments_count_received")),
                    instant(answer, "created_at"), instant(answer, "close_by"), instant(answer, "closed_at"),
                    answer.text("close_reason").orElse(null), answer.text("customer_id").orElse(null),
                    answer.object("notes").orElse(Map.of())));
        } catch (NumberFormatException | ArithmeticException e) {
            return new ProviderOutcome.Unknown<>("answer carried an unreadable number", false);
        }
    }

    private static Long number(ProviderAnswer answer, String key) {
        return answer.text(key).map(t -> new BigDecimal(t).longValueExact()).orElse(null);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(ProviderAnswer answer, String key) {
        Long seconds = number(answer, key);
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
