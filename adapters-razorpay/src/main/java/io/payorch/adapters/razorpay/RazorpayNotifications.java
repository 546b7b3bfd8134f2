package io.payorch.adapters.razorpay;

import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.application.webhook.ProviderNotification;
import io.payorch.domain.DomainException;
import io.payorch.domain.Provider;
import io.payorch.wire.HmacSignature;
import io.payorch.wire.JsonFields;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Razorpay's webhook envelope ({@code event}, {@code payload.qr_code.entity},
 * {@code payload.payment.entity}). {@code qr_code.credited} is a payment (id, amount in paise,
 * UPI reference from {@code acquirer_data.rrn}); {@code qr_code.closed} carries {@code close_reason}.
 * The QR is matched by payorch's id in the QR's notes or by Razorpay's QR id. Signed with a hex
 * HMAC-SHA256 of the raw body under the webhook secret ({@code X-Razorpay-Signature}); Razorpay keeps
 * signing retried events with the old secret after a change, so the previous one is accepted too.
 */
public final class RazorpayNotifications implements ProviderNotificationPort {

    /** Keys of the QR's notes where payorch's own QR id may be echoed back. */
    public static final List<String> QR_ID_NOTE_KEYS = List.of("payorch_qr_id", "payorch_id", "qr_id");

    private final List<String> secrets;

    /** @param secrets the webhook secrets in force: the current one and, while it rotates, the previous one */
    public RazorpayNotifications(List<String> secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets").stream()
                .filter(secret -> secret != null && !secret.isEmpty()).toList();
    }

    @Override
    public Provider provider() {
        return Provider.RAZORPAY;
    }

    @Override
    public boolean verify(byte[] body, String signature) {
        return HmacSignature.verifyAny(secrets, body, signature);
    }

    /** @throws DomainException when the body is not a readable Razorpay QR event */
    @Override
    public ProviderNotification read(Map<String, Object> envelope, String eventIdHeader) {
        String event = JsonFields.text(envelope, "event").orElseThrow(() -> new DomainException("event", "is required"));
        Optional<Map<String, Object>> qr = JsonFields.object(envelope, "payload", "qr_code", "entity");
        String reference = qr.flatMap(q -> JsonFields.text(q, "id")).orElse(null);
        String qrId = qr.flatMap(q -> JsonFields.object(q, "notes"))
                .flatMap(notes -> QR_ID_NOTE_KEYS.stream().map(k -> JsonFields.text(notes, k))
                        .flatMap(Optional::stream).findFirst())
                .orElse(null);
        List<String> references = reference == null ? List.of() : List.of(reference);
        if ("qr_code.credited".equals(event)) {
            Map<String, Object> payment = JsonFields.object(envelope, "payload", "payment", "entity")
                    .orElseThrow(() -> new DomainException("payload.payment.entity", "is required"));
            String paymentId = JsonFields.text(payment, "id")
                    .orElseThrow(() -> new DomainException("payload.payment.entity.id", "is required"));
            String rrn = JsonFields.object(payment, "acquirer_data").flatMap(a -> JsonFields.text(a, "rrn"))
                    .orElse(null);
            return new ProviderNotification(Provider.RAZORPAY, eventId(eventIdHeader, event, paymentId), event,
                    ProviderNotification.Type.PAYMENT, qrId, references,
                    new ProviderNotification.Payment(paymentId, JsonFields.paise(payment, "amount"), rrn), null);
        }
        if ("qr_code.closed".equals(event)) {
            if (reference == null && qrId == null) {
                throw new DomainException("payload.qr_code.entity.id", "is required");
            }
            String reason = qr.flatMap(q -> JsonFields.text(q, "close_reason")).orElse("closed_at_provider");
            return new ProviderNotification(Provider.RAZORPAY, eventId(eventIdHeader, event, reference), event,
                    ProviderNotification.Type.CLOSED, qrId, references, null, reason);
        }
        return new ProviderNotification(Provider.RAZORPAY, eventId(eventIdHeader, event, reference), event,
                ProviderNotification.Type.OTHER, qrId, references, null, null);
    }

    /** Razorpay's {@code x-razorpay-event-id}; without it, the event name and the entity it is about. */
    private static String eventId(String header, String event, String entity) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        return event + ":" + (entity == null ? "unknown" : entity);
    }
}
