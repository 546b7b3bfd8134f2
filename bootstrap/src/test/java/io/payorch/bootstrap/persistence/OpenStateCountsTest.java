package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.QrIntentSearchPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrUsage;
import io.payorch.domain.TransferOtp;
import io.payorch.domain.TransferType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state gauges' counts: only the open states, and read from an index (never a scan of every
 * finished row, which every instance would otherwise repeat every 30 s).
 */
@MicronautTest(environments = "sandbox", transactional = false)
class OpenStateCountsTest extends PostgresTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-22T04:30:00Z");

    @Inject
    IdGenerator ids;

    @Inject
    QrIntentStore qrStore;

    @Inject
    QrIntentSearchPort qrSearch;

    @Inject
    TransferOtpStore otpStore;

    @Inject
    TransferOtpReadPort otpReads;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @Test
    void qrCountsHoldTheOpenStatesOnly() {
        Map<String, Long> openBefore = byKey(qrSearch.countOpenByProviderAndStatus());
        Map<String, Long> allBefore = byKey(qrSearch.countByProviderAndStatus(null));

        qrStore.insert(newQr());
        QrIntent failed = newQr();
        qrStore.insert(failed);
        failed.fail("rejected", NOW.plusSeconds(1), "provider");
        qrStore.update(failed);
        QrIntent unknown = newQr();
        qrStore.insert(unknown);
        unknown.markUnknown("timeout", NOW.plusSeconds(1), "provider");
        qrStore.update(unknown);

        Map<String, Long> open = byKey(qrSearch.countOpenByProviderAndStatus());
        assertEquals(1, delta(open, openBefore, "AOP/PENDING"));
        assertEquals(1, delta(open, openBefore, "AOP/UNKNOWN"));
        assertFalse(open.keySet().stream().anyMatch(k -> k.endsWith("/FAILED") || k.endsWith("/PAID")
                || k.endsWith("/EXPIRED") || k.endsWith("/CLOSED")), open.toString());
        assertEquals(1, delta(byKey(qrSearch.countByProviderAndStatus(null)), allBefore, "AOP/FAILED"), "the full count has them");
    }

    @Test
    void transferOtpCountsHoldTheOpenStatesOnly() {
        Map<String, Long> before = byKey(otpReads.countOpenByStatus());

        otpStore.insert(newOtp());
        TransferOtp sent = newOtp();
        otpStore.insert(sent);
        sent.otpSent("OTP sent", NOW.plusSeconds(1), "provider");
        otpStore.update(sent);
        TransferOtp failed = newOtp();
        otpStore.insert(failed);
        failed.fail("rejected", NOW.plusSeconds(1), "provider");
        otpStore.update(failed);

        Map<String, Long> open = byKey(otpReads.countOpenByStatus());
        assertEquals(1, delta(open, before, "PENDING"));
        assertEquals(1, delta(open, before, "OTP_SENT"));
        assertFalse(open.containsKey("FAILED") || open.containsKey("EXPIRED"), open.toString());
    }

    @Test
    void theOpenCountsAreAnsweredFromAnIndexNotAScanOfEveryRow() throws SQLException {
        String qrPlan = plan(JdbcQrIntentSearch.OPEN_COUNTS_SQL);
        assertFalse(qrPlan.contains("Seq Scan"), qrPlan);
        String otpPlan = plan(JdbcTransferOtpReader.OPEN_COUNTS_SQL);
        assertTrue(otpPlan.contains("transfer_otp_open_status_idx"), otpPlan);
        assertFalse(otpPlan.contains("Seq Scan"), otpPlan);
    }

    /** The plan with sequential scans priced out: it names an index only if one can answer the query. */
    private static String plan(String sql) throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static Map<String, Long> byKey(List<StatusCount> counts) {
        return counts.stream().collect(Collectors.toMap(
                c -> c.provider() == null ? c.status() : c.provider() + "/" + c.status(), StatusCount::count));
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    private QrIntent newQr() {
        return QrIntent.open(ids.newId("qr"), "acme", "REG-COUNTS", Money.parse("10.00"), QrUsage.SINGLE_USE, "counts",
                Provider.AOP, NOW);
    }

    private TransferOtp newOtp() {
        return TransferOtp.open(ids.newId("otp"), "acme", "REG-COUNTS", "98XXXXXX10", "b".repeat(64), "60600077",
                TransferType.IMPS, Money.parse("100"), NOW);
    }
}
