package io.payorch.wire;

import io.payorch.application.port.out.ProviderOutcome;

import java.util.Map;
import java.util.Optional;

/**
 * An HTTP answer from a provider reduced to plain values: its status and, when the body was a JSON
 * object, that object as maps, lists, strings, numbers and booleans. Adapters build it from their
 * HTTP client; the provider-specific readers interpret it.
 */
public record ProviderAnswer(int status, Map<String, Object> body) {

    /** A body that was not a JSON object (HTML error page, truncated JSON). */
    public static ProviderAnswer unreadable(int status) {
        return new ProviderAnswer(status, null);
    }

    public boolean readable() {
        return body != null;
    }

    /** A field's text, whether the provider sent it as a string, number or boolean. Exact key. */
    public Optional<String> text(String key) {
        return text(body, key);
    }

    public static Optional<String> text(Map<String, Object> object, String key) {
        if (object == null) {
            return Optional.empty();
        }
        Object value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof String s ? s : String.valueOf(value);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A nested object, or empty. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String key) {
        return body != null && body.get(key) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /**
     * The outcome of an answer that carries no result to read: unreadable, the
     * {@code {"status": "ERROR", "subCode", "message"}} body that AOPay, BOS and OQPay document
     * (a rejection whatever the HTTP status, unless a 5xx), or any other non-2xx. Empty for a
     * readable 2xx answer, which the provider's reader goes on to read.
     */
    public <T> Optional<ProviderOutcome<T>> errorOutcome() {
        if (!readable()) {
            return Optional.of(failureOutcome(null, null));
        }
        if (text("status").map(s -> s.equalsIgnoreCase("ERROR")).orElse(false)) {
            return Optional.of(status >= 500 ? failureOutcome(errorCode(), errorMessage())
                    : new ProviderOutcome.Rejected<>(errorCode(), errorMessage(), rejectionReason()));
        }
        if (status < 200 || status >= 300) {
            return Optional.of(failureOutcome(errorCode(), errorMessage()));
        }
        return Optional.empty();
    }

    /** The provider's {@code subCode}, else the HTTP status. */
    public String errorCode() {
        return text("subCode").orElse(String.valueOf(status));
    }

    /** The provider's {@code message}. */
    public String errorMessage() {
        return text("message").orElse("no message");
    }

    /**
     * The outcome every provider shares for answers that carry no usable result: 5xx or an
     * unreadable body may have been acted on (unknown); 429 was refused before processing (not
     * attempted); 408 timed out; any other 4xx is the provider's "no".
     */
    public <T> ProviderOutcome<T> failureOutcome(String code, String message) {
        if (status >= 500) {
            return new ProviderOutcome.Unknown<>("provider answered HTTP " + status, false);
        }
        if (status == 408) {
            return new ProviderOutcome.Unknown<>("provider answered HTTP 408", true);
        }
        if (status == 429) {
            return new ProviderOutcome.NotAttempted<>("provider throttled the request (HTTP 429)");
        }
        if (!readable()) {
            return new ProviderOutcome.Unknown<>("unreadable answer (HTTP " + status + ")", false);
        }
        return new ProviderOutcome.Rejected<>(code, message, rejectionReason());
    }

    /**
     * What a "no" in this answer means, by its HTTP status: 401 and 403 refused payorch's
     * credentials, 404 found nothing, a 2xx carried the refusal in its body, any other is a refused
     * request.
     */
    public ProviderOutcome.Reason rejectionReason() {
        if (status == 401 || status == 403) {
            return ProviderOutcome.Reason.AUTHENTICATION_FAILED;
        }
        if (status == 404) {
            return ProviderOutcome.Reason.NOT_FOUND;
        }
        return status >= 200 && status < 300 ? ProviderOutcome.Reason.DECLINED : ProviderOutcome.Reason.INVALID_REQUEST;
    }
}
