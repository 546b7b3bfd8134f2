package io.payorch.application.webhook;

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

    public enum Type { PAYMENT, CLOSED, OTHER }

    public ProviderNotification {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        providerReferences = providerReferences.stream().filter(Objects::nonNull).toList();
        if (type == Type.PAYMENT) {
            Objects.requireNonNull(payment, "payment");
        }
    }

    /** @param upiReference the UPI reference (RRN / UTR), where the provider gives one */
    public record Payment(String paymentId, Money amount, String upiReference) {
        public Payment {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
