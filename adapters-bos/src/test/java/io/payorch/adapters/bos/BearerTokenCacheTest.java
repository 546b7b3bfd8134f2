package io.payorch.adapters.bos;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private static Supplier<ProviderOutcome<BearerToken>> issuing(AtomicInteger fetches, Duration lifetime) {
        return () -> new ProviderOutcome.Accepted<>(new BearerToken("t" + fetches.incrementAndGet(), lifetime));
    }

    private static String value(ProviderOutcome<String> outcome) {
        return ((ProviderOutcome.Accepted<String>) assertInstanceOf(ProviderOutcome.Accepted.class, outcome)).value();
    }

    @Test
    void aTokenIsUsedUntilItsLifeLessTheMargin() {
        AtomicInteger fetches = new AtomicInteger();
        BearerTokenCache cache = new BearerTokenCache(issuing(fetches, Duration.ofSeconds(600)), clock,
                Duration.ofSeconds(60));

        assertEquals("t1", value(cache.current()));
        clock.advance(Duration.ofSeconds(539));
        assertEquals("t1", value(cache.current()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("t2", value(cache.current()));
    }

    @Test
    void invalidatingDropsOnlyThatToken() {
        AtomicInteger fetches = new AtomicInteger();
        BearerTokenCache cache = new BearerTokenCache(issuing(fetches, Duration.ofSeconds(600)), clock,
                Duration.ofSeconds(60));
        assertEquals("t1", value(cache.current()));

        cache.invalidate("t1");
        assertEquals("t2", value(cache.current()));
        cache.invalidate("t1"); // a late 401 for the old token: the new one stays
        assertEquals("t2", value(cache.current()));
        assertEquals(2, fetches.get());
    }

    @Test
    void concurrentCallersShareOneFetchAndItsFailureThenTheNextCallTriesAgain() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        BearerTokenCache cache = new BearerTokenCache(() -> {
            fetches.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ProviderOutcome.Unknown<>("token endpoint timed out", true);
        }, clock, Duration.ofSeconds(60));
        List<Thread> callers = new CopyOnWriteArrayList<>();
        CountDownLatch entered = new CountDownLatch(20);
        ExecutorService pool = Executors.newFixedThreadPool(20, task -> {
            Thread t = new Thread(task);
            callers.add(t);
            return t;
        });
        try {
            List<Future<ProviderOutcome<String>>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    entered.countDown();
                    return cache.current();
                }));
            }
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            awaitAllParked(callers); // one caller in the fetch, nineteen waiting on its result
            release.countDown();
            for (Future<ProviderOutcome<String>> result : results) {
                assertInstanceOf(ProviderOutcome.Unknown.class, result.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fetches.get());

        cache.current();
        assertEquals(2, fetches.get());
    }

    /** Waits, without a fixed sleep, until every caller is parked (the fetcher on the latch, the rest on the fetch). */
    private static void awaitAllParked(List<Thread> callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers never all waited: " + callers.stream().map(Thread::getState).toList());
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aFetcherThatThrowsIsNotAttemptedAndReleasesTheWaiters() {
        BearerTokenCache cache = new BearerTokenCache(() -> {
            throw new IllegalStateException("boom");
        }, clock, Duration.ofSeconds(60));

        assertInstanceOf(ProviderOutcome.NotAttempted.class, cache.current());
        assertInstanceOf(ProviderOutcome.NotAttempted.class, cache.current());
    }
}
