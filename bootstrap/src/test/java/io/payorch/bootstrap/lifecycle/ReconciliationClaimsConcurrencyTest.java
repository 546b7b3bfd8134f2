package io.payorch.bootstrap.lifecycle;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.port.out.OpenQrClaimPort;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.domain.QrIntent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation's claims as several instances make them at once, each claim its own transaction
 * on PostgreSQL: every open QR is handed to exactly one claimer, and none again before its recheck.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class ReconciliationClaimsConcurrencyTest extends PostgresTestSupport {

    private static final int OPEN = 300;
    private static final int INSTANCES = 4;

    @Inject
    OpenQrClaimPort claims;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("datasources.default.maximum-pool-size", "10");
    }

    @Test
    void instancesClaimingAtOnceEachGetDifferentQrsAndTogetherAll() throws Exception {
        LifecycleRows rows = new LifecycleRows(dataSource);
        String tag = "K" + Long.toString(System.currentTimeMillis(), 36);
        Instant now = clock.instant();
        for (int i = 0; i < OPEN; i++) {
            rows.insertQr("qr_" + tag + "_" + i, "AOP", null, "single_use", 1000L, i % 2 == 0 ? "PENDING" : "UNKNOWN",
                    null, now.minus(Duration.ofMinutes(10)));
        }
        Instant pendingBefore = now.minus(Duration.ofMinutes(2));
        Instant recheckAt = now.plus(Duration.ofMinutes(5));

        Map<String, Integer> claimedBy = new ConcurrentHashMap<>();
        List<String> twice = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int instance = 0; instance < INSTANCES; instance++) {
                int me = instance;
                done.add(pool.submit(() -> {
                    start.await();
                    int batches = 0;
                    for (List<QrIntent> batch = claims.claimOpen(pendingBefore, now, recheckAt, 25); !batch.isEmpty();
                         batch = claims.claimOpen(pendingBefore, now, recheckAt, 25)) {
                        batches++;
                        for (QrIntent qr : batch) {
                            Integer previous = claimedBy.putIfAbsent(qr.id(), me);
                            if (previous != null) {
                                synchronized (twice) {
                                    twice.add(qr.id() + " by " + previous + " and " + me);
                                }
                            }
                        }
                    }
                    return batches;
                }));
            }
            start.countDown();
            int batches = 0;
            for (Future<Integer> f : done) {
                batches += f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(batches >= OPEN / 25, "every claimer stopped only when nothing was left: " + batches);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), twice, "no QR is handed to two claimers");
        Set<String> ours = new HashSet<>();
        claimedBy.keySet().stream().filter(id -> id.startsWith("qr_" + tag + "_")).forEach(ours::add);
        assertEquals(OPEN, ours.size(), "every open QR was claimed");
        assertTrue(claims.claimOpen(pendingBefore, now, recheckAt, 25).stream().noneMatch(q -> q.id().startsWith("qr_" + tag)),
                "a claimed QR is not handed out again before its recheck");
    }
}
