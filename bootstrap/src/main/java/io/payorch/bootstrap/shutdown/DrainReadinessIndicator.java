package io.payorch.bootstrap.shutdown;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code drain} in {@code /health/readiness} (and {@code /health}): DOWN, so HTTP 503, from the
 * first moment of a drain, while the instance still answers what it has received.
 * {@code /health/liveness} does not include it: a draining instance is not to be restarted.
 */
@Singleton
@Readiness
class DrainReadinessIndicator implements HealthIndicator {

    private final GracefulDrain drain;

    DrainReadinessIndicator(GracefulDrain drain) {
        this.drain = drain;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean draining = drain.draining();
        return Publishers.just(HealthResult.builder("drain", draining ? HealthStatus.DOWN : HealthStatus.UP)
                .details(draining ? "shutting down: finishing requests already received" : "accepting requests")
                .build());
    }
}
