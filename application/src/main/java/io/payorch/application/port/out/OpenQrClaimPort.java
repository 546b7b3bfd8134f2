package io.payorch.application.port.out;

import io.payorch.domain.QrIntent;

import java.time.Instant;
import java.util.List;

/**
 * Hands out QRs whose provider outcome is open, so that one instance at a time reconciles each:
 * {@code UNKNOWN} ones and {@code PENDING} ones created before {@code pendingBefore}. A claimed QR
 * is not handed out again until {@code recheckAt}; changes are saved through {@link QrIntentStore}
 * (optimistic locking).
 */
public interface OpenQrClaimPort {
    List<QrIntent> claimOpen(Instant pendingBefore, Instant now, Instant recheckAt, int limit);

    /**
     * Gives back QRs claimed until {@code recheckAt} and not examined (the instance is shutting
     * down), so that any instance may claim them at once. A QR claimed again since, by anyone, is
     * left alone.
     */
    void release(List<String> ids, Instant recheckAt);
}
