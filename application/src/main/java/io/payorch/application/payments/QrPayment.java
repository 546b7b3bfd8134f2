package io.payorch.application.payments;

import io.payorch.domain.Money;
import io.payorch.domain.Provider;

import java.time.Instant;

/**
 * A payment a provider reported: {@code applied} to its QR, {@code flagged} (recorded, not applied:
 * operations must look) or {@code unmatched} (no QR found).
 *
 * @param id         payorch's own number for it
 * @param qrId       the QR it was matched to, or null
 * @param held       flagged while its QR's outcome was open: payorch applies it, or flags it for good,
 *                   once the outcome is known, so it does not wait for operations yet
 * @param resolution how operations settled it, or null while it waits (or when it was applied)
 */
public record QrPayment(long id, Provider provider, String paymentId, String qrId, Money amount, String upiReference,
                        Instant receivedAt, String status, String flagReason, boolean held, Resolution resolution) {

    public static final String APPLIED = "applied";

    /** Whether operations still have to look at it. */
    public boolean isWaiting() {
        return !APPLIED.equals(status) && !held && resolution == null;
    }

    /** Who resolved it ({@code admin:<client id>}), when, and their note. */
    public record Resolution(String by, Instant at, String note) {
    }
}
