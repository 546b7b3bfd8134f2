package io.payorch.application.lifecycle;

import io.payorch.domain.Provider;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settings of the sweeps, mapped from configuration at the edge.
 *
 * @param batchSize       items claimed per transaction ({@code payorch.sweep.batch-size})
 * @param workers         batches claimed at once by one instance ({@code payorch.sweep.workers}):
 *                        with {@code SKIP LOCKED} each worker takes rows the others do not hold
 * @param pendingAfter    age after which a {@code PENDING} QR is reconciled ({@code payorch.reconcile.pending-after})
 * @param qrLifetimes     per provider, how long its QRs live: after that nobody can hold an open
 *                        QR's intent, so it can be failed as abandoned
 * @param defaultLifetime lifetime of providers not listed
 * @param recheckAfter    how long a QR the provider could not tell about waits before it is asked again
 */
public record SweepSettings(int batchSize, int workers, Duration pendingAfter, Map<Provider, Duration> qrLifetimes,
                            Duration defaultLifetime, Duration recheckAfter) {

    public SweepSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("payorch.sweep.batch-size must be at least 1");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("payorch.sweep.workers must be at least 1");
        }
        qrLifetimes = qrLifetimes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(qrLifetimes));
    }

    public Duration lifetimeOf(Provider provider) {
        return provider == null ? defaultLifetime : qrLifetimes.getOrDefault(provider, defaultLifetime);
    }
}
