package io.payorch.application.webhook;

import io.payorch.domain.DomainException;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;

import java.util.List;
import java.util.Objects;

/**
 * A provider's notification in payorch's terms, whatever the provider's wire format.
 *
 * @param eventId            the provider's event id: the deduplication key
 * @param eventType          the provider's own name of the event, kept for the audit trail
 * @param qrId               payorch's QR id where the provider echoes it back (Razorpay notes), or null
 * @param providerReferences the provider's own references of the QR, any of which may match
 * @param payment            the payment, for {@link Type#PAYMENT}
 * @param closeReason        the provider's reason, for {@link Type#CLOSED}
 */
public record ProviderNotification(Provider provider, String eventId, String eventType, Type type, String qrId,
                                   List<String> providerReferences, Payment payment, String closeReason) {

    /** The longest event id, payment id, UPI reference and close reason payorch keeps (its columns). */
    public static final int EVENT_ID_MAX = 255;
    public static final int PAYMENT_ID_MAX = 128;
    public static final int CLOSE_REASON_MAX = 64;

    public enum Type { PAYMENT, CLOSED, OTHER }

    public ProviderNotification {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        providerReferences = providerReferences.stream().filter(Objects::nonNull).toList();
        storable("eventId", eventId, EVENT_ID_MAX);
        storable("event", eventType, Integer.MAX_VALUE);
        storable("qrId", qrId, Integer.MAX_VALUE);
        for (String reference : providerReferences) {
            storable("reference", reference, Integer.MAX_VALUE);
        }
        storable("closeReason", closeReason, CLOSE_REASON_MAX);
        if (type == Type.PAYMENT) {
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** @param upiReference the UPI reference (RRN / UTR), where the provider gives one */
    public record Payment(String paymentId, Money amount, String upiReference) {
        public Payment {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
            storable("paymentId", paymentId, PAYMENT_ID_MAX);
            storable("upiReference", upiReference, PAYMENT_ID_MAX);
        }
    }

    /**
     * A provider's text that payorch stores or looks up must fit its column and be free of control
     * characters (a NUL cannot even be stored); otherwise the notification is malformed.
     */
    private static void storable(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new DomainException(field, "must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(field, "must not contain control characters");
        }
    }
}
