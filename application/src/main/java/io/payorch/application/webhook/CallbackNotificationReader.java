package io.payorch.application.webhook;

import io.payorch.domain.DomainException;
import io.payorch.domain.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the payment callbacks of AOPay, BOS and OQPay (payorch's documented mapping, see README):
 * {@code eventId}, {@code event} ({@code payment.success} or {@code qr.closed}), the provider's own
 * QR references ({@code txnRefranceID} / {@code id} for AOPay and BOS, {@code txnId} / {@code refId}
 * for OQPay), {@code amount} in rupees, {@code paymentId}, {@code utr}, and {@code closeReason}.
 */
public final class CallbackNotificationReader {

    private CallbackNotificationReader() {
    }

    public static List<String> referenceFields(Provider provider) {
        return switch (provider) {
            case AOP, BOS -> List.of("txnRefranceID", "id");
            case OQPAY -> List.of("txnId", "refId");
            case RAZORPAY -> throw new IllegalArgumentException("Razorpay sends its own envelope");
        };
    }

    /** @throws DomainException when a required field is missing or unreadable */
    public static ProviderNotification read(Provider provider, Map<String, Object> body, String eventIdHeader) {
        String event = JsonFields.text(body, "event").orElse("payment.success");
        List<String> references = new ArrayList<>();
        for (String field : referenceFields(provider)) {
            JsonFields.text(body, field).ifPresent(references::add);
        }
        if (references.isEmpty()) {
            throw new DomainException(String.join(" or ", referenceFields(provider)), "is required");
        }
        String eventId = JsonFields.text(body, "eventId").orElse(eventIdHeader);
        if (eventId == null || eventId.isBlank()) {
            throw new DomainException("eventId", "is required");
        }
        if ("payment.success".equals(event)) {
            String paymentId = JsonFields.text(body, "paymentId").or(() -> JsonFields.text(body, "utr"))
                    .orElseThrow(() -> new DomainException("paymentId", "is required"));
            return new ProviderNotification(provider, eventId, event, ProviderNotification.Type.PAYMENT, null,
                    references, new ProviderNotification.Payment(paymentId, JsonFields.rupees(body, "amount"),
                    JsonFields.text(body, "utr").orElse(null)), null);
        }
        if ("qr.closed".equals(event)) {
            return new ProviderNotification(provider, eventId, event, ProviderNotification.Type.CLOSED, null,
                    references, null, JsonFields.text(body, "closeReason").orElse("closed_at_provider"));
        }
        return new ProviderNotification(provider, eventId, event, ProviderNotification.Type.OTHER, null, references,
                null, null);
    }
}
