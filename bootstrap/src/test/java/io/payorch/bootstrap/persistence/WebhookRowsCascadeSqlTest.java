package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook rows without foreign keys (V24): deleting an event or an endpoint still deletes its
 * deliveries and their attempts, purging delivered events takes their rows along, and a pending
 * delivery left without its endpoint or event (written as the parent was deleted) is purged, while
 * every other delivery stays.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class WebhookRowsCascadeSqlTest extends PostgresTestSupport {

    @Inject
    WebhookDeliveryStore store;

    private final String endpoint = "we_cascade_sql_" + System.nanoTime();
    private final String other = "we_cascade_other_" + System.nanoTime();
    private final String merchant = "cascade-merchant-" + System.nanoTime();
    private final String resource = "qr_cascade_sql_" + System.nanoTime();
    private List<String> deliveryIds;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @BeforeEach
    void twoEndpointsEachWithADeliveryOfTheSameTwoEventsAndAnAttemptEach() {
        WebhookRows.disabledEndpoint(endpoint, merchant);
        WebhookRows.disabledEndpoint(other, merchant);
        Instant old = Instant.now().minus(Duration.ofDays(400));
        for (int i = 1; i <= 2; i++) {
            String event = event(i);
            WebhookRows.pendingDelivery(event, endpoint, merchant, resource, i, old, null);
            WebhookRows.delivery(event, other, merchant, Instant.now(), null);
        }
        Sql.update("INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code)"
                + " SELECT id, now(), 3, 500 FROM webhook_delivery WHERE merchant_id = ?", merchant);
        deliveryIds = Sql.list("SELECT id::text FROM webhook_delivery WHERE merchant_id = ?", merchant);
    }

    @AfterEach
    void removeThem() {
        Sql.update("DELETE FROM outbound_event WHERE resource_id = ?", resource);
        Sql.update("DELETE FROM webhook_endpoint WHERE merchant_id = ?", merchant);
        Sql.update("DELETE FROM webhook_delivery WHERE merchant_id = ?", merchant);
        Sql.update("DELETE FROM webhook_attempt WHERE delivery_id = ANY (string_to_array(?, ',')::bigint[])",
                String.join(",", deliveryIds));
    }

    @Test
    void deletingAnEndpointDeletesItsDeliveriesAndTheirAttemptsOnly() {
        assertEquals(4, deliveries());
        assertEquals(4, attempts());
        Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpoint);
        assertEquals(0, deliveriesTo(endpoint));
        assertEquals(2, deliveriesTo(other));
        assertEquals(2, attempts());
    }

    @Test
    void deletingAnEventDeletesItsDeliveriesAndTheirAttemptsOnly() {
        Sql.update("DELETE FROM outbound_event WHERE id = ?", event(1));
        assertEquals(0, Sql.count("SELECT count(*) FROM webhook_delivery WHERE event_id = ?", event(1)));
        assertEquals(2, Sql.count("SELECT count(*) FROM webhook_delivery WHERE event_id = ?", event(2)));
        assertEquals(2, attempts());
    }

    @Test
    void purgingDeliveredEventsPastTheRetentionTakesTheirDeliveriesAndAttemptsAlong() {
        Sql.update("UPDATE webhook_delivery SET status = 'delivered' WHERE event_id = ?", event(1));
        // (other tests' old delivered events in a shared database may go too: only this test's rows are judged)
        assertTrue(store.purgeDelivered(Instant.now().minus(Duration.ofDays(30)), 100_000) >= 1);
        assertEquals(0, Sql.count("SELECT count(*) FROM outbound_event WHERE id = ?", event(1)));
        assertEquals(1, Sql.count("SELECT count(*) FROM outbound_event WHERE id = ?", event(2)),
                "an event with a delivery still pending is kept");
        assertEquals(2, deliveries());
        assertEquals(2, attempts());
    }

    @Test
    void pendingDeliveriesWithoutTheirEndpointOrEventArePurgedAndNoOther() {
        // what a fan-out or replay racing the parent's deletion leaves: the parent gone, the child committed after
        WebhookRows.delivery(event(1), "we_deleted_meanwhile", merchant, Instant.now(), null);
        WebhookRows.delivery("evt_deleted_meanwhile", endpoint, merchant, Instant.now(), null);
        assertEquals(6, deliveries());
        assertTrue(store.purgeOrphans() >= 2, "this test's two (and any another test left in a shared database)");
        assertEquals(4, deliveries(), "the deliveries of existing endpoints and events stay");
        assertEquals(2, deliveriesTo(endpoint));
        assertEquals(4, attempts());
    }

    private String event(int i) {
        return "evt_" + endpoint + "_" + i;
    }

    private long deliveries() {
        return Sql.count("SELECT count(*) FROM webhook_delivery WHERE merchant_id = ?", merchant);
    }

    private long deliveriesTo(String id) {
        return Sql.count("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ?", id);
    }

    /** Attempts of the four deliveries written before each test, found by their ids (not through the deliveries). */
    private long attempts() {
        return Sql.count("SELECT count(*) FROM webhook_attempt WHERE delivery_id = ANY (string_to_array(?, ',')::bigint[])",
                String.join(",", deliveryIds));
    }
}
