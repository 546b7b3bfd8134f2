package io.payorch.application.service;

import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.application.webhook.ProviderNotification;
import io.payorch.domain.DomainException;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A provider's notifications in a format of the test's own (the real formats are read and tested
 * in their adapter modules): {@code {"eventId", "event": "payment"|"closed", "reference", "qrId",
 * "paymentId", "amount": rupees}}, "signed" with {@link #sign} under the reader's secret.
 */
final class FakeNotificationReader implements ProviderNotificationPort {

    private final Provider provider;
    private final String secret;

    FakeNotificationReader(Provider provider, String secret) {
        this.provider = provider;
        this.secret = secret;
    }

    /** The signature this reader accepts for {@code body} under {@code secret}. */
    static String sign(String secret, byte[] body) {
        return secret + ":" + new String(body, StandardCharsets.UTF_8).hashCode();
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public boolean verify(byte[] body, String signature) {
        return signature != null && signature.equals(sign(secret, body));
    }

    @Override
    public ProviderNotification read(Map<String, Object> body, String eventIdHeader) {
        String eventId = text(body, "eventId", eventIdHeader);
        String event = text(body, "event", "payment");
        String reference = text(body, "reference", null);
        String qrId = text(body, "qrId", null);
        List<String> references = reference == null ? List.of() : List.of(reference);
        if (event.equals("closed")) {
            return new ProviderNotification(provider, eventId, event, ProviderNotification.Type.CLOSED, qrId,
                    references, null, "closed_at_provider");
        }
        String paymentId = text(body, "paymentId", null);
        if (paymentId == null) {
            throw new DomainException("paymentId", "is required");
        }
        Money amount = Money.parse(text(body, "amount", null));
        return new ProviderNotification(provider, eventId, event, ProviderNotification.Type.PAYMENT, qrId,
                references, new ProviderNotification.Payment(paymentId, amount, "412345678901"), null);
    }

    private static String text(Map<String, Object> body, String key, String otherwise) {
        Object value = body.get(key);
        return value == null ? otherwise : String.valueOf(value);
    }
}
