package io.payorch.bootstrap.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.application.webhook.NotificationReceipt;
import io.payorch.domain.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sweeps' and lifecycle's numbers as Prometheus metrics:
 * <ul>
 *   <li>{@code payorch_sweep_lag_seconds}: how long the oldest due-but-unexpired QR or OTP has waited</li>
 *   <li>{@code payorch_sweep_duration_seconds}: how long the last expiry run took</li>
 *   <li>{@code payorch_sweep_expired_total{kind=qr|otp}}, {@code payorch_sweep_failed_batches_total},
 *       {@code payorch_sweep_reconciled_total}: totals of this instance since start</li>
 *   <li>{@code payorch_notifications_total}, {@code payorch_expirations_total},
 *       {@code payorch_reconciliations_total}, each by {@code provider} and {@code outcome}</li>
 * </ul>
 * The lag needs two database queries, so it is measured on a schedule (never on a scrape); the
 * counters are read from memory. Counters of a (provider, outcome) pair seen for the first time
 * are registered at the next refresh; notifications are registered up front for every pair.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class LifecycleMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleMetrics.class);

    private final SweepStatsQuery sweeps;
    private final LifecycleCounters counters;
    private final MeterRegistry meters;
    private final AtomicLong lagMillis = new AtomicLong();

    LifecycleMetrics(SweepStatsQuery sweeps, LifecycleCounters counters, MeterRegistry meters) {
        this.sweeps = sweeps;
        this.counters = counters;
        this.meters = meters;
        TimeGauge.builder("payorch.sweep.lag", lagMillis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .description("How long the oldest due but not yet expired QR or OTP has been waiting")
                .register(meters);
        TimeGauge.builder("payorch.sweep.duration", sweeps, TimeUnit.MILLISECONDS,
                        s -> s.snapshot().lastDuration().toNanos() / 1_000_000.0)
                .description("How long the last expiry sweep took").register(meters);
        FunctionCounter.builder("payorch.sweep.expired", sweeps, s -> s.snapshot().qrsExpiredTotal())
                .tag("kind", "qr").description("Items expired by the sweeps of this instance").register(meters);
        FunctionCounter.builder("payorch.sweep.expired", sweeps, s -> s.snapshot().otpsExpiredTotal())
                .tag("kind", "otp").description("Items expired by the sweeps of this instance").register(meters);
        FunctionCounter.builder("payorch.sweep.failed.batches", sweeps, s -> s.snapshot().failedBatchesTotal())
                .description("Sweep batches that failed (retried at the next run)").register(meters);
        FunctionCounter.builder("payorch.sweep.reconciled", sweeps, s -> s.snapshot().reconciledTotal())
                .description("PENDING or UNKNOWN QRs resolved by reconciliation").register(meters);
        for (Provider provider : Provider.values()) {
            for (NotificationReceipt.Outcome outcome : NotificationReceipt.Outcome.values()) {
                register(new LifecycleCounters.Key(LifecycleCounters.NOTIFICATION, provider.name(), outcome.label()));
            }
        }
    }

    @Scheduled(fixedDelay = "${payorch.metrics.lifecycle-refresh:5s}",
            initialDelay = "${payorch.metrics.lifecycle-refresh:5s}")
    void refresh() {
        for (Map.Entry<LifecycleCounters.Key, Long> entry : counters.snapshot().entrySet()) {
            register(entry.getKey());
        }
        try {
            lagMillis.set(sweeps.currentLag().toMillis());
        } catch (RuntimeException e) {
            LOG.warn("sweep lag not measured: {}", e.getClass().getSimpleName());
        }
    }

    /** Registering an existing counter again returns it: this is idempotent. */
    private void register(LifecycleCounters.Key key) {
        FunctionCounter.builder("payorch." + key.kind() + "s", counters,
                        c -> c.count(key.kind(), key.provider(), key.outcome()))
                .tags("provider", key.provider(), "outcome", key.outcome())
                .description("Lifecycle " + key.kind() + "s by provider and outcome").register(meters);
    }
}
