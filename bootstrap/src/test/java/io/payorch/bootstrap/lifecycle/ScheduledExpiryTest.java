package io.payorch.bootstrap.lifecycle;

import io.payorch.application.testing.MutableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.lifecycle.SweepStats;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled job alone, driven by a clock the test moves: a QR past its expiry and an OTP 91 s
 * after it was sent are expired without any request, once each.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class ScheduledExpiryTest extends PostgresTestSupport {

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    SweepStatsQuery stats;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", "-1", "test.mutable-clock", "true", "payorch.sweep.interval", "100ms",
                "payorch.sweep.initial-delay", "100ms");
    }

    @Test
    void theScheduledSweepExpiresADueQrAndAnOtp91SecondsAfterSendingWithoutAnyRequest() throws Exception {
        LifecycleRows rows = new LifecycleRows(dataSource);
        String tag = "T" + Long.toString(System.currentTimeMillis(), 36);
        Instant now = clock.instant();
        rows.insertQrs(tag, 1, "AOP", "ACTIVE", now.plusSeconds(60), 0, now);
        rows.insertOtps(tag, 1, "OTP_SENT", now, 0);
        String qrId = "qr_" + tag + "_ACTIVE_0";
        String otpId = "otp_" + tag + "_OTP_0";

        for (int run = 0; run < 3; run++) { // several runs of the job while nothing is due
            awaitACompleteRun();
        }
        assertEquals("ACTIVE", rows.text("SELECT status FROM qr_intent WHERE id = ?", qrId));
        assertEquals("OTP_SENT", rows.text("SELECT status FROM transfer_otp WHERE id = ?", otpId));

        moveTo(now.plusSeconds(89));
        awaitACompleteRun();
        assertEquals("EXPIRED", rows.text("SELECT status FROM qr_intent WHERE id = ?", qrId), "QR 29 s past expiry");
        assertEquals("OTP_SENT", rows.text("SELECT status FROM transfer_otp WHERE id = ?", otpId), "OTP 89 s old");

        moveTo(now.plusSeconds(91)); // 91 s after sending
        waitFor(() -> "EXPIRED".equals(rows.text("SELECT status FROM transfer_otp WHERE id = ?", otpId)));

        assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'EXPIRED'"
                + " AND source = 'sweep'", qrId));
        assertEquals(1, rows.count("SELECT count(*) FROM transfer_otp_event WHERE otp_id = ? AND to_status = 'EXPIRED'"
                + " AND from_status = 'OTP_SENT' AND source = 'sweep'", otpId));
        assertEquals(now.plusSeconds(91), rows.instant("SELECT at FROM transfer_otp_event WHERE otp_id = ?", otpId),
                "expired at the clock's time");

        SweepStats snapshot = stats.snapshot();
        assertNotNull(snapshot.lastSweepAt());
        assertTrue(snapshot.qrsExpiredTotal() >= 1 && snapshot.otpsExpiredTotal() >= 1, snapshot::toString);
    }

    private void moveTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    /**
     * Waits, without a fixed sleep, for one whole run of the job that started after this call: the
     * clock moves on a millisecond and the sweep's statistics must show a run started at that time.
     */
    private void awaitACompleteRun() throws Exception {
        clock.advance(Duration.ofMillis(1));
        Instant from = clock.instant();
        waitFor(() -> {
            Instant last = stats.snapshot().lastSweepAt();
            return last != null && !last.isBefore(from);
        });
    }

    private static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, "not done within 10 s of scheduled runs (every 100 ms)");
            Thread.sleep(50);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }
}
