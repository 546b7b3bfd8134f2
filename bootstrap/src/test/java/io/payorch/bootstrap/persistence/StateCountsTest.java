package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts V17's triggers keep (state_count, a slot per session since V23) always equal a GROUP BY over the rows themselves,
 * whatever the statements do: inserts of many rows, set-based updates of many rows, provider and
 * merchant changes, updates that change no state, rolled-back transactions. Its rows stay in final
 * states (rows are never deleted), so the open-state gauges other tests read are not disturbed.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class StateCountsTest extends PostgresTestSupport {

    private static final String KEPT_QR = "SELECT provider || '/' || merchant_id || '/' || status || '=' || sum(n) FROM state_count"
            + " WHERE kind = 'qr' GROUP BY provider, merchant_id, status HAVING sum(n) <> 0 ORDER BY 1";
    private static final String REAL_QR = "SELECT COALESCE(provider, '') || '/' || COALESCE(merchant_id, '') || '/' || status"
            + " || '=' || count(*) FROM qr_intent GROUP BY provider, merchant_id, status ORDER BY 1";
    private static final String KEPT_OTP = "SELECT merchant_id || '/' || status || '=' || sum(n) FROM state_count"
            + " WHERE kind = 'otp' GROUP BY merchant_id, status HAVING sum(n) <> 0 ORDER BY 1";
    private static final String REAL_OTP = "SELECT COALESCE(merchant_id, '') || '/' || status || '=' || count(*)"
            + " FROM transfer_otp GROUP BY merchant_id, status ORDER BY 1";

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @Test
    void qrCountsFollowEveryKindOfWrite() throws Exception {
        String tag = "SC" + System.nanoTime();
        Sql.update("INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status, created_at, updated_at,"
                + " version, merchant_id) SELECT ? || g, 'r', (ARRAY['AOP','BOS','OQPAY'])[1 + g % 3], 100, 'single_use',"
                + " 'FAILED', now(), now(), 0, CASE WHEN g % 5 = 0 THEN NULL ELSE 'm' || (g % 2) END"
                + " FROM generate_series(1, 300) g", tag);
        assertEquals(Sql.list(REAL_QR), Sql.list(KEPT_QR));

        Sql.update("UPDATE qr_intent SET status = 'PAID' WHERE id LIKE ? AND id::text ~ '[02468]$'", tag + "%");
        Sql.update("UPDATE qr_intent SET status = 'EXPIRED' WHERE id LIKE ? AND status = 'PAID' AND id::text ~ '[04]$'", tag + "%");
        Sql.update("UPDATE qr_intent SET provider = 'RAZORPAY' WHERE id = ?", tag + "7");
        Sql.update("UPDATE qr_intent SET merchant_id = 'acme' WHERE id LIKE ? AND merchant_id IS NULL", tag + "%");
        Sql.update("UPDATE qr_intent SET reconcile_after = now() WHERE id LIKE ?", tag + "%");
        assertEquals(Sql.list(REAL_QR), Sql.list(KEPT_QR));

        try (var c = Sql.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE qr_intent SET status = 'CLOSED' WHERE id LIKE '" + tag + "%'");
            }
            c.rollback();
        }
        assertEquals(Sql.list(REAL_QR), Sql.list(KEPT_QR), "a rolled-back change leaves the counts as they were");
        assertTrue(Sql.count("SELECT count(*) FROM state_count") < 32 * 200, "a bounded number of counter rows");
    }

    /**
     * 17 sessions each count a new QR of the same merchant, provider and state in a transaction still
     * open: none waits for another's counter row (V23, a slot per session). With V17's slot, the
     * backend's pid modulo 16, two of 17 sessions always shared one, and the later one waited.
     */
    @Test
    void sessionsCountingAtOnceNeverWaitOnEachOther() throws Exception {
        String tag = "SL" + System.nanoTime();
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 17; i++) {
                Connection c = Sql.connect();
                open.add(c);
                c.setAutoCommit(false);
                try (var s = c.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = '3s'");
                    s.executeUpdate("INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status,"
                            + " created_at, updated_at, version, merchant_id) VALUES ('" + tag + i + "', 'r', 'AOP', 100,"
                            + " 'single_use', 'FAILED', now(), now(), 0, 'slot-test')");
                }
            }
        } finally {
            for (Connection c : open) {
                c.rollback();
                c.close();
            }
        }
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE id LIKE ?", tag + "%"));
    }

    @Test
    void transferOtpCountsFollowInsertsAndUpdates() throws Exception {
        String tag = "SO" + System.nanoTime();
        Sql.update("INSERT INTO transfer_otp (id, registration_id, remitter_mobile_masked, remitter_mobile_hash, beneficiary_id,"
                + " transfer_type, amount_paise, status, created_at, updated_at, version, merchant_id)"
                + " SELECT ? || g, 'r', '98XXXXXX10', repeat('a', 64), 'b', 'IMPS', 100, 'FAILED', now(), now(), 0, 'm'"
                + " FROM generate_series(1, 50) g", tag);
        Sql.update("UPDATE transfer_otp SET status = 'EXPIRED' WHERE id LIKE ? AND id::text ~ '[13579]$'", tag + "%");
        assertEquals(Sql.list(REAL_OTP), Sql.list(KEPT_OTP));
    }
}
