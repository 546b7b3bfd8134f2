package io.payorch.application.port.out;

import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Received notification events and the payments they carried. Called inside one
 * {@link TransactionRunner} transaction per notification, so a claim and what it applied commit together.
 */
public interface NotificationStore {

    /**
     * Records that this event was received; false when it was received before (it is then
     * neither applied nor recorded again). A concurrent duplicate waits for the first to commit.
     */
    boolean claimEvent(Provider provider, String eventId, String eventType, Instant receivedAt);

    /** Notes what became of a claimed event. */
    void completeEvent(Provider provider, String eventId, String outcome, String qrId, String detail);

    /** Stores a payment; false when a payment with this provider id is already stored. */
    boolean recordPayment(PaymentRecord payment);

    /**
     * Payments recorded for this QR but held because it was still {@code PENDING} or
     * {@code UNKNOWN} when they arrived ({@link PaymentRecord#held()}), oldest first.
     */
    List<PaymentRecord> heldFor(String qrId);

    /** Marks a held payment as applied, or re-flags it with a new reason; either way it is held no more. */
    void resolveHeld(Provider provider, String paymentId, String status, String flagReason);

    /** The QR a provider knows by this reference. */
    Optional<QrIntent> findByProviderReference(Provider provider, String reference);

    /**
     * @param qrId       the matched QR, or null when none matched
     * @param status     {@code applied}, {@code flagged} or {@code unmatched}
     * @param flagReason why operations must look at it, or null when applied
     * @param held       flagged only until its QR's open outcome is known, then applied or flagged again
     */
    record PaymentRecord(Provider provider, String paymentId, String qrId, Money amount, String upiReference,
                         String eventId, Instant receivedAt, String status, String flagReason, boolean held) {
    }
}
