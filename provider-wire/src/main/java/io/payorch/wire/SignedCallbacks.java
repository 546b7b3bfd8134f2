package io.payorch.wire;

import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.application.webhook.ProviderNotification;
import io.payorch.domain.DomainException;
import io.payorch.domain.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payment callbacks payorch documents for the providers that have no webhook format of their
 * own (AOPay, BOS, OQPay; see docs/webhooks.md): signed with a hex HMAC-SHA256 of the raw body
 * ({@code X-Payorch-Signature}), carrying {@code eventId}, {@code event} ({@code payment.success} or
 * {@code qr.closed}), the provider's own QR references under the field names its adapter gives,
 * {@code amount} in rupees, {@code paymentId}, {@code utr} and {@code closeReason}.
 */
public final class SignedCallbacks implements ProviderNotificationPort {

    private final Provider provider;
    private final List<String> secrets;
    private final List<String> referenceFields;

    /**
     * @param secrets         the provider's active webhook secrets (current, and previous while rotating)
     * @param referenceFields where the provider's callback carries its QR reference, in order of preference
     */
    public SignedCallbacks(Provider provider, List<String> secrets, List<String> referenceFields) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty()).toList();
        this.referenceFields = List.copyOf(referenceFields);
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public boolean verify(byte[] body, String signature) {
        return HmacSignature.verifyAny(secrets, body, signature);
    }

    /** @throws DomainException when a required field is missing or unreadable */
    @Override
    public ProviderNotification read(Map<String, Object> body, String eventIdHeader) {
        String event = JsonFields.text(body, "event").orElse("payment.success");
        List<String> references = new ArrayList<>();
        for (String field : referenceFields) {
            JsonFields.text(body, field).ifPresent(references::add);
        }
        if (references.isEmpty()) {
            throw new DomainException(String.join(" or ", referenceFields), "is required");
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
