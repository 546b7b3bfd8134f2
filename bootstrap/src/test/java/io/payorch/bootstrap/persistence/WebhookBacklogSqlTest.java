package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.PendingBacklog;
import io.payorch.application.port.out.WebhookDeliveryStore;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's webhook reads: the backlog counted up to a cap (bounded work however large it is),
 * with its oldest creation and earliest due attempt, and the deliveries of one resource's events.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class WebhookBacklogSqlTest extends PostgresTestSupport {

    @Inject
    WebhookDeliveryStore store;

    private final String endpoint = "we_backlog_sql_" + System.nanoTime();
    private final String resource = "qr_backlog_sql_" + System.nanoTime();

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @BeforeEach
    void threePendingDeliveriesToAnEndpointSwitchedOff() {
        WebhookRows.disabledEndpoint(endpoint, "backlog-merchant");
        Instant now = Instant.now();
        for (int i = 1; i <= 3; i++) {
            WebhookRows.pendingDelivery("evt_" + endpoint + "_" + i, endpoint, "backlog-merchant", resource, i,
                    now.minus(Duration.ofDays(500 + i)), null);
        }
    }

    @AfterEach
    void removeThem() {
        Sql.update("DELETE FROM outbound_event WHERE resource_id = ?", resource);
        Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpoint);
    }

    @Test
    void theBacklogIsCountedUpToItsCapAndSaysSo() {
        PendingBacklog capped = store.pendingBacklog(2);
        assertEquals(2, capped.pending());
        assertTrue(capped.capped(), "more than the cap wait: at least 2");

        PendingBacklog all = store.pendingBacklog(1_000_000);
        assertFalse(all.capped());
        assertTrue(all.pending() >= 3, "these three at least: " + all.pending());
        Duration oldest = Duration.between(all.oldestCreatedAt(), Instant.now());
        assertEquals(503, oldest.toDays(), "the oldest pending delivery, exact below the cap");
        assertEquals(all.oldestCreatedAt(), all.earliestDueAt(), "due since it was created");
        assertEquals(503, store.oldestPendingAge(Instant.now()).toDays(), "the gauge's age of the earliest due");
        assertEquals(Duration.ZERO, store.oldestPendingAge(all.earliestDueAt().minusSeconds(1)),
                "nothing is due before the earliest due time");
    }

    @Test
    void aResourcesDeliveriesComeNewestEventFirst() {
        List<DeliverySummary> rows = store.forResource(resource, 100);
        assertEquals(List.of("evt_" + endpoint + "_3", "evt_" + endpoint + "_2", "evt_" + endpoint + "_1"),
                rows.stream().map(DeliverySummary::eventId).toList(), "by the event's sequence, newest first");
        assertEquals(2, store.forResource(resource, 2).size());
        assertTrue(store.forResource("qr_nothing", 100).isEmpty());
    }
}
