package io.payorch.bootstrap.lifecycle;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.lifecycle.SweepReport;
import io.payorch.application.port.in.ExpireDueUseCase;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several sweepers (as several instances would) expire the same 10,000 due QRs and 10,000 due
 * OTPs at once: each item is expired exactly once, with exactly one event, and nothing that was not
 * due is touched. Prints the rate and lag reached.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class ExpirySweepConcurrencyTest extends PostgresTestSupport {

    private static final int DUE = 10_000;
    private static final int NOT_DUE = 1_000;
    private static final int SWEEPERS = 4;

    @Inject
    ExpireDueUseCase sweep;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.sweep.batch-size", "500",
                "datasources.default.maximum-pool-size", "10");
    }

    @Test
    void concurrentSweepersExpireEveryDueItemExactlyOnceAndNothingElse() throws Exception {
        LifecycleRows rows = new LifecycleRows(dataSource);
        String tag = "C" + Long.toString(System.currentTimeMillis(), 36);
        Instant now = clock.instant();
        // due: expired during the last 10 s; not due: expiring in the next hour; final rows long past expiry
        rows.insertQrs(tag, DUE, "AOP", "ACTIVE", now.minusSeconds(10), 1, now.minusSeconds(400));
        rows.insertQrs(tag + "F", NOT_DUE, "AOP", "ACTIVE", now.plusSeconds(60), 1, now.minusSeconds(400));
        rows.insertQrs(tag, NOT_DUE, "AOP", "PAID", now.minusSeconds(100), 1, now.minusSeconds(400));
        rows.insertOtps(tag, DUE / 2, "OTP_SENT", now.minusSeconds(100), 1);
        rows.insertOtps(tag, DUE / 2, "REGISTRATION_OTP_SENT", now.minusSeconds(100), 1);
        rows.insertOtps(tag + "F", NOT_DUE, "OTP_SENT", now.minusSeconds(30), 1);
        rows.insertOtps(tag, NOT_DUE, "FAILED", now.minusSeconds(200), 1);

        ExecutorService pool = Executors.newFixedThreadPool(SWEEPERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SweepReport>> runs = new ArrayList<>();
        for (int i = 0; i < SWEEPERS; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return sweep.expireDue();
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        List<SweepReport> reports = new ArrayList<>();
        for (Future<SweepReport> run : runs) {
            reports.add(run.get(5, TimeUnit.MINUTES));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Instant finished = clock.instant();
        pool.shutdown();

        reports.forEach(r -> assertTrue(r.failures().isEmpty(), () -> "failed batches: " + r.failures()));
        long qrsExpired = reports.stream().mapToLong(SweepReport::qrsExpired).sum();
        long otpsExpired = reports.stream().mapToLong(SweepReport::otpsExpired).sum();
        assertTrue(qrsExpired >= DUE, "QRs expired by the sweepers: " + qrsExpired);
        assertTrue(otpsExpired >= DUE, "OTPs expired by the sweepers: " + otpsExpired);

        assertEquals(DUE, rows.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'EXPIRED'"
                + " AND version = 1", tag));
        assertEquals(DUE, rows.count("SELECT count(*) FROM qr_intent_event e JOIN qr_intent q ON q.id = e.qr_id"
                + " WHERE q.registration_id = ? AND e.to_status = 'EXPIRED' AND e.from_status = 'ACTIVE'"
                + " AND e.source = 'sweep'", tag));
        assertEquals(DUE, rows.count("SELECT count(DISTINCT e.qr_id) FROM qr_intent_event e JOIN qr_intent q"
                + " ON q.id = e.qr_id WHERE q.registration_id = ?", tag));
        assertEquals(NOT_DUE, rows.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'PAID'"
                + " AND version = 0", tag));
        assertEquals(NOT_DUE, rows.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'ACTIVE'"
                + " AND version = 0", tag + "F"));
        assertEquals(0, rows.count("SELECT count(*) FROM qr_intent_event e JOIN qr_intent q ON q.id = e.qr_id"
                + " WHERE q.registration_id = ? AND q.status <> 'EXPIRED'", tag));

        String otps = "otp_" + tag + "_%";
        assertEquals(DUE, rows.count("SELECT count(*) FROM transfer_otp WHERE id LIKE ? AND status = 'EXPIRED'"
                + " AND version = 1", otps));
        assertEquals(DUE, rows.count("SELECT count(*) FROM transfer_otp_event WHERE otp_id LIKE ?"
                + " AND to_status = 'EXPIRED' AND source = 'sweep'", otps));
        assertEquals(DUE, rows.count("SELECT count(DISTINCT otp_id) FROM transfer_otp_event WHERE otp_id LIKE ?", otps));
        assertEquals(DUE / 2, rows.count("SELECT count(*) FROM transfer_otp_event WHERE otp_id LIKE ?"
                + " AND from_status = 'REGISTRATION_OTP_SENT'", otps));
        assertEquals(NOT_DUE, rows.count("SELECT count(*) FROM transfer_otp WHERE id LIKE ? AND status = 'OTP_SENT'"
                + " AND version = 0", "otp_" + tag + "F_%"));
        assertEquals(NOT_DUE, rows.count("SELECT count(*) FROM transfer_otp WHERE id LIKE ? AND status = 'FAILED'"
                + " AND version = 0", otps));

        Duration lag = reports.stream().map(r -> r.lag().orElse(Duration.ZERO)).max(Duration::compareTo).orElseThrow();
        Duration oldestWait = Duration.between(now.minusSeconds(100).plusSeconds(90), finished);
        double rate = (qrsExpired + otpsExpired) / (elapsed.toNanos() / 1e9);
        System.out.printf("SWEEP CONCURRENCY: %d sweepers expired %d QRs + %d OTPs in %d ms = %.0f items/s;"
                        + " lag at sweep start (start - oldest due expiry) %d ms; oldest due item expired %d ms after"
                        + " its expiry; per sweeper (QRs/OTPs): %s%n", SWEEPERS, qrsExpired, otpsExpired, elapsed.toMillis(), rate, lag.toMillis(),
                oldestWait.toMillis(), reports.stream().map(r -> r.qrsExpired() + "/" + r.otpsExpired()).toList());
    }
}
