package io.payorch.application.service;

import io.payorch.application.lifecycle.ClaimGate;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.lifecycle.SweepReport;
import io.payorch.application.lifecycle.SweepSettings;
import io.payorch.application.port.out.ExpiredBatch;
import io.payorch.application.port.out.QrExpiryPort;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ExpirySweepServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SweepSettings settings = new SweepSettings(2, 1, Duration.ofMinutes(2), Map.of(), Duration.ofMinutes(15),
            Duration.ofMinutes(1));
    private final LifecycleCounters counters = new LifecycleCounters();

    /** Due QRs, expired two per batch; the test can make the next batch fail. */
    private final List<Instant> due = new ArrayList<>(List.of(NOW.minusSeconds(7), NOW.minusSeconds(3),
            NOW.minusSeconds(1), NOW.minusMillis(500), NOW));
    private RuntimeException nextFailure;
    private int calls;

    private final QrExpiryPort qrs = new QrExpiryPort() {
        @Override
        public ExpiredBatch expireDue(Instant now, int limit) {
            calls++;
            if (nextFailure != null) {
                RuntimeException e = nextFailure;
                nextFailure = null;
                throw e;
            }
            List<ExpiredBatch.Item> items = new ArrayList<>();
            while (items.size() < limit && !due.isEmpty()) {
                items.add(new ExpiredBatch.Item("qr_" + due.size(), "AOP", due.remove(0)));
            }
            return new ExpiredBatch(items);
        }

        @Override
        public Optional<Instant> oldestDue(Instant now) {
            return due.stream().min(Instant::compareTo);
        }
    };

    private final ExpirySweepService sweep = new ExpirySweepService(qrs, ReconciliationServiceTest.noOtps(), clock,
            settings, counters);

    @Test
    void batchesRunUntilNoneIsDueAndTheLagIsThatOfTheOldestItem() {
        SweepReport report = sweep.expireDue();
        assertEquals(5, report.qrsExpired());
        assertEquals(3, calls, "2 + 2 + 1: a short batch means nothing more is due");
        assertEquals(Optional.of(Duration.ofSeconds(7)), report.lag());
        assertEquals(5, counters.count(LifecycleCounters.EXPIRATION, "AOP", "expired"));
        assertEquals(5, sweep.snapshot().qrsExpiredTotal());
        assertEquals(Duration.ofSeconds(7), sweep.snapshot().lastLag());
    }

    @Test
    void onceTheGateClosesNoFurtherBatchIsClaimedAndTheRestStaysDueForAnotherInstance() {
        ClaimGate gate = new ClaimGate();
        QrExpiryPort closingAfterFirstBatch = new QrExpiryPort() {
            @Override
            public ExpiredBatch expireDue(Instant now, int limit) {
                ExpiredBatch batch = qrs.expireDue(now, limit);
                gate.close(); // the shutdown begins while this batch commits
                return batch;
            }

            @Override
            public Optional<Instant> oldestDue(Instant now) {
                return qrs.oldestDue(now);
            }
        };
        ExpirySweepService draining = new ExpirySweepService(closingAfterFirstBatch, ReconciliationServiceTest.noOtps(),
                clock, settings, counters, Runnable::run, gate);

        SweepReport report = draining.expireDue();

        assertEquals(2, report.qrsExpired(), "the batch it held was finished");
        assertEquals(1, calls, "no batch claimed after the gate closed");
        assertEquals(3, due.size(), "the rest stays due");
        assertEquals(0, draining.expireDue().qrsExpired());
    }

    @Test
    void aFailingBatchIsReportedWithItsCauseAndItsItemsAreTakenNextRun() {
        RuntimeException cause = new IllegalStateException("connection reset");
        nextFailure = cause;
        SweepReport failed = sweep.expireDue();
        assertEquals(0, failed.qrsExpired());
        assertEquals(1, failed.failures().size());
        assertSame(cause, failed.failures().get(0).cause());
        assertEquals(Duration.ofSeconds(7), sweep.currentLag());

        SweepReport next = sweep.expireDue();
        assertEquals(5, next.qrsExpired());
        assertEquals(Duration.ZERO, sweep.currentLag());
        assertEquals(1, sweep.snapshot().failedBatchesTotal());
    }

    @Test
    void parallelWorkersShareTheDueItemsAndTheirCountsAndFailuresAddUp() {
        SweepSettings two = new SweepSettings(2, 2, Duration.ofMinutes(2), Map.of(), Duration.ofMinutes(15),
                Duration.ofMinutes(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<Instant> shared = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 1001; i++) {
                shared.add(NOW.minusSeconds(i));
            }
            AtomicInteger batches = new AtomicInteger();
            QrExpiryPort port = new QrExpiryPort() {
                @Override
                public ExpiredBatch expireDue(Instant now, int limit) {
                    if (batches.incrementAndGet() == 3) {
                        throw new IllegalStateException("one worker's batch fails");
                    }
                    List<ExpiredBatch.Item> items = new ArrayList<>();
                    synchronized (shared) {
                        while (items.size() < limit && !shared.isEmpty()) {
                            items.add(new ExpiredBatch.Item("qr_" + shared.size(), "AOP", shared.remove(0)));
                        }
                    }
                    return new ExpiredBatch(items);
                }

                @Override
                public Optional<Instant> oldestDue(Instant now) {
                    return Optional.empty();
                }
            };
            ExpirySweepService parallel = new ExpirySweepService(port, ReconciliationServiceTest.noOtps(), clock, two,
                    counters, pool, new ClaimGate());

            SweepReport first = parallel.expireDue();
            assertEquals(1, first.failures().size());
            SweepReport second = parallel.expireDue();
            assertEquals(1001, first.qrsExpired() + second.qrsExpired(), "every item once, over both runs");
            assertEquals(1001, counters.count(LifecycleCounters.EXPIRATION, "AOP", "expired"));
            assertEquals(Duration.ofSeconds(1000), first.lag().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }
}
