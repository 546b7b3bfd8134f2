package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.bootstrap.persistence.JdbcWebhookDeliveryStore.PendingRecord;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attempts recorded together, in one statement: each delivery's own new state and attempt row (its
 * instants exact), none for a delivery whose lease another instance holds, and the endpoint's
 * failing mark from the batch as a whole.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class WebhookRecordBatchSqlTest extends PostgresTestSupport {

    @Inject
    WebhookDeliveryStore store;

    private final String endpoint = "we_record_batch_" + System.nanoTime();
    private final Instant at = Instant.parse("2026-11-30T18:31:02.123456Z");

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @BeforeEach
    void fiveDeliveriesLeasedFourToOneInstanceOneToAnother() {
        WebhookRows.disabledEndpoint(endpoint, "batch-merchant");
        for (int i = 1; i <= 5; i++) {
            WebhookRows.pendingDelivery("evt_" + endpoint + "_" + i, endpoint, "batch-merchant", "qr_" + endpoint + "_" + i, 1,
                    Instant.now(), i == 5 ? "instance-b" : "instance-a");
        }
    }

    @AfterEach
    void removeThem() {
        Sql.update("DELETE FROM outbound_event WHERE merchant_id = 'batch-merchant'");
        Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpoint);
    }

    @Test
    void eachDeliveryGetsItsOwnRecordAndTheEndpointsMarkFollowsTheBatch() {
        JdbcWebhookDeliveryStore jdbc = (JdbcWebhookDeliveryStore) store;
        Instant disableBefore = at.minus(Duration.ofDays(5));
        List<Boolean> first = jdbc.writeRecords(List.of(
                record(1, "instance-a", new AttemptRecord(at, 12, 500, "receiver answered HTTP 500", "no"), "pending",
                        at.plusSeconds(5), disableBefore),
                record(2, "instance-a", new AttemptRecord(at.plusMillis(1), 7, 204, null, null), "delivered", null, disableBefore),
                record(5, "instance-a", new AttemptRecord(at, 3, 200, null, null), "delivered", null, disableBefore)));
        assertEquals(List.of(true, true, false), first, "the fifth is leased to another instance: not recorded");
        assertEquals("pending|1|2026-11-30 18:31:07.123456|500", row(1));
        assertEquals("delivered|1||204", row(2));
        assertEquals("pending|0|instance-b", Sql.query("SELECT status || '|' || attempts || '|' || claimed_by"
                + " FROM webhook_delivery WHERE event_id = ?", "evt_" + endpoint + "_5"), "untouched, still leased");
        assertEquals("2026-11-30 18:31:02.123456|12|500|receiver answered HTTP 500|no", attempt(1));
        assertEquals("", Sql.query("SELECT COALESCE(failing_since::text, '') FROM webhook_endpoint WHERE id = ?", endpoint),
                "a delivered attempt in the batch: not failing");

        List<Boolean> second = jdbc.writeRecords(List.of(
                record(3, "instance-a", new AttemptRecord(at.plusSeconds(60), 10_000, null, "timed out", null), "pending",
                        at.plusSeconds(120), disableBefore),
                record(4, "instance-a", new AttemptRecord(at.plusSeconds(30), 5, 503, "receiver answered HTTP 503", null),
                        "pending", at.plusSeconds(90), disableBefore)));
        assertEquals(List.of(true, true), second);
        assertEquals("2026-11-30 18:31:32.123456",
                Sql.query("SELECT (failing_since AT TIME ZONE 'UTC')::text FROM webhook_endpoint WHERE id = ?", endpoint),
                "all failed: failing since the first of them");
    }

    private PendingRecord record(int n, String instance, AttemptRecord attempt, String status, Instant next,
                                 Instant disableBefore) {
        long id = Long.parseLong(Sql.query("SELECT id FROM webhook_delivery WHERE event_id = ?", "evt_" + endpoint + "_" + n));
        return new PendingRecord(id, instance, attempt, status, next, disableBefore);
    }

    private String row(int n) {
        return Sql.query("SELECT status || '|' || attempts || '|' || COALESCE((next_attempt_at AT TIME ZONE 'UTC')::text, '') || '|'"
                + " || COALESCE(last_status_code::text, '') FROM webhook_delivery WHERE event_id = ?", "evt_" + endpoint + "_" + n);
    }

    private String attempt(int n) {
        return Sql.query("SELECT (a.attempted_at AT TIME ZONE 'UTC')::text || '|' || a.duration_ms || '|' || a.status_code || '|' || a.error"
                + " || '|' || a.body_excerpt FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id"
                + " WHERE d.event_id = ?", "evt_" + endpoint + "_" + n);
    }
}
