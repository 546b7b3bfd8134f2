package io.payorch.application.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the sweeps on this instance, for {@code GET /admin/stats} and metrics.
 *
 * @param lastSweepAt        start of the last expiry run, null before the first
 * @param lastDuration       how long it took
 * @param lastLag            run start − the oldest expiry it handled (zero when nothing was due)
 * @param lastQrsExpired     QRs the last run expired
 * @param lastOtpsExpired    OTPs the last run expired
 * @param qrsExpiredTotal    QRs expired by this instance since start
 * @param otpsExpiredTotal   OTPs expired by this instance since start
 * @param failedBatchesTotal batches that failed since start (retried at the next run)
 * @param lastReconcileAt    start of the last reconciliation run, null before the first
 * @param reconciledTotal    open QRs resolved (activated or failed) since start
 */
public record SweepStats(Instant lastSweepAt, Duration lastDuration, Duration lastLag, long lastQrsExpired,
                         long lastOtpsExpired, long qrsExpiredTotal, long otpsExpiredTotal,
                         long failedBatchesTotal, Instant lastReconcileAt, long reconciledTotal) {

    public static final SweepStats NONE = new SweepStats(null, Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 0, null, 0);
}
