package io.payorch.bootstrap.shutdown;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drains this instance before anything closes. In order: readiness turns DOWN (a load balancer
 * stops sending traffic) and every {@link Drainable} stops claiming and finishes or releases what it
 * holds, at once; after {@code payorch.shutdown.delay} (default 5 s, time for the balancer to
 * notice) the listener stops accepting connections, every request already received finishes (its
 * provider call, its writes, its answer), each keep-alive connection closes after its last answer
 * and the scheduler starts no new run. All of that within {@code payorch.shutdown.grace} (default
 * 30 s) after the delay; only then may the HTTP clients, the scheduler and the connection pool
 * close. Called once, by {@link ShutdownSignals}, before the JVM's shutdown hooks run.
 */
@Singleton
public class GracefulDrain {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulDrain.class);

    private final GracefulShutdownManager micronaut;
    private final List<Drainable> drainables;
    private final Duration delay;
    private final Duration grace;
    private volatile boolean draining;

    GracefulDrain(GracefulShutdownManager micronaut, List<Drainable> drainables,
                  @Value("${payorch.shutdown.delay:5s}") Duration delay,
                  @Value("${payorch.shutdown.grace:30s}") Duration grace) {
        this.micronaut = micronaut;
        this.drainables = drainables;
        this.delay = delay;
        this.grace = grace;
    }

    /** Whether a drain has begun: readiness is then DOWN for good. */
    public boolean draining() {
        return draining;
    }

    /**
     * Runs the drain on the calling thread. Answers {@code true} when everything finished within the
     * grace period, {@code false} when the grace period ended first (what was still in flight is
     * then cut off by the close that follows, left {@code PENDING}/{@code UNKNOWN} and reconciled).
     */
    public boolean drain() throws InterruptedException {
        draining = true;
        CompletableFuture<?> background = CompletableFuture.allOf(drainables.stream()
                .map(d -> d.stopClaiming().toCompletableFuture()).toArray(CompletableFuture[]::new));
        LOG.info("Draining: readiness is DOWN, background work claims nothing more; the listener closes in {} ms,"
                + " then in-flight work has {} s", delay.toMillis(), grace.toSeconds());
        Thread.sleep(delay.toMillis());
        long start = System.nanoTime();
        CompletableFuture<?> requests = micronaut.shutdownGracefully().toCompletableFuture();
        try {
            CompletableFuture.allOf(background, requests).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Drained in {} ms: no request in flight, no claim held",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return true;
        } catch (TimeoutException e) {
            LOG.warn("Grace period of {} s over with {} tasks still active; stopping now (what was in flight"
                    + " stays PENDING/UNKNOWN and is reconciled)", grace.toSeconds(),
                    micronaut.reportActiveTasks().orElse(-1));
            return false;
        } catch (ExecutionException e) {
            LOG.error("Drain failed; stopping now", e.getCause());
            return false;
        }
    }
}
