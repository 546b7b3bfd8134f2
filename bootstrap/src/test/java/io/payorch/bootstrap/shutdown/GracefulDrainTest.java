package io.payorch.bootstrap.shutdown;

import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drain in one application context: readiness answers 503 from its first moment while the
 * listener still serves, liveness stays 200, every {@link Drainable} is told to stop claiming at
 * once, and when one never lets go the drain gives up at the end of the grace period (the process
 * then stops at once) instead of waiting for ever.
 */
@MicronautTest(environments = "sandbox")
class GracefulDrainTest extends ApiTestSupport {

    @Inject
    GracefulDrain drain;

    @Inject
    HoldsForEver holder;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.shutdown.delay", "1s", "payorch.shutdown.grace", "1s",
                "payorch.test.drainable-holding-for-ever", "true");
    }

    /** Background work that never finishes what it holds. */
    @Singleton
    @Requires(property = "payorch.test.drainable-holding-for-ever", value = "true")
    static class HoldsForEver implements Drainable {
        volatile boolean toldToStop;

        @Override
        public CompletionStage<?> stopClaiming() {
            toldToStop = true;
            return new CompletableFuture<>();
        }
    }

    @Test
    void readinessGoesDownAtOnceAndTheGracePeriodBoundsTheDrain() throws Exception {
        assertEquals(200, api.get("/health/readiness", null).statusCode());

        long start = System.nanoTime();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return drain.drain();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!drain.draining()) {
            Thread.sleep(10);
        }
        assertEquals(503, api.get("/health/readiness", null).statusCode(), "anonymous, as a load balancer asks");
        HttpResponse<String> readiness = api.get("/health/readiness", ApiCalls.admin());
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("\"drain\":{") && readiness.body().contains("\"DOWN\""), readiness.body());
        assertEquals(200, api.get("/health/liveness", null).statusCode(), "a draining instance is alive");
        assertTrue(holder.toldToStop, "background work was told to stop claiming before the listener closed");

        assertFalse(drained.get(30, TimeUnit.SECONDS), "a claim never released: the drain gave up");
        assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(2), "it waited the delay and the grace period");
    }
}
