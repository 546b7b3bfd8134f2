package io.payorch.bootstrap.lifecycle;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.lifecycle.ReconcileReport;
import io.payorch.application.port.in.ReconcileOpenQrsUseCase;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stale {@code PENDING} and an {@code UNKNOWN} AOPay QR (AOPay cannot be asked about a QR) are
 * failed as {@code abandoned} once AOPay's QR lifetime has passed, each with its event; a fresh
 * {@code PENDING} one is left alone.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class ReconciliationTest extends PostgresTestSupport {

    @Inject
    ReconcileOpenQrsUseCase reconcile;

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("test.mutable-clock", "true",
                "payorch.reconcile.pending-after", "2m", "payorch.reconcile.qr-lifetime.aop", "5m",
                "payorch.reconcile.recheck-after", "30s");
    }

    @Test
    void stalePendingAndUnknownQrsAreAbandonedOnceTheProvidersLifetimeHasPassed() throws Exception {
        LifecycleRows rows = new LifecycleRows(dataSource);
        String tag = "R" + Long.toString(System.currentTimeMillis(), 36);
        Instant now = clock.instant();
        String pending = "qr_" + tag + "_pending";
        String unknown = "qr_" + tag + "_unknown";
        String fresh = "qr_" + tag + "_fresh";
        rows.insertQr(pending, "AOP", null, "single_use", 1000L, "PENDING", null, now.minus(Duration.ofMinutes(3)));
        rows.insertQr(unknown, "AOP", null, "single_use", 1000L, "UNKNOWN", null, now.minus(Duration.ofMinutes(1)));
        rows.insertQr(fresh, "AOP", null, "single_use", 1000L, "PENDING", null, now.minusSeconds(30));

        ReconcileReport first = reconcile.reconcile();
        assertTrue(first.failures().isEmpty(), first::toString);
        assertEquals("PENDING", status(rows, pending), "stale, but AOPay's 5 min lifetime has not passed");
        assertEquals("UNKNOWN", status(rows, unknown));
        assertEquals("PENDING", status(rows, fresh));

        clock.advance(Duration.ofMinutes(3)); // pending is 6 min old, unknown 4 min, fresh 3.5 min
        reconcile.reconcile();
        assertEquals("FAILED", status(rows, pending));
        assertEquals("abandoned", rows.text("SELECT failure_reason FROM qr_intent WHERE id = ?", pending));
        assertEquals("UNKNOWN", status(rows, unknown));
        assertEquals("PENDING", status(rows, fresh));

        clock.advance(Duration.ofMinutes(2)); // unknown 6 min, fresh 5.5 min
        reconcile.reconcile();
        assertEquals("FAILED", status(rows, unknown));
        assertEquals("FAILED", status(rows, fresh));

        for (String id : new String[] {pending, unknown, fresh}) {
            assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'FAILED'"
                    + " AND reason = 'abandoned' AND source = 'reconciliation'", id), id);
        }
        assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND from_status = 'UNKNOWN'",
                unknown));
    }

    private static String status(LifecycleRows rows, String id) throws Exception {
        return rows.text("SELECT status FROM qr_intent WHERE id = ?", id);
    }
}
