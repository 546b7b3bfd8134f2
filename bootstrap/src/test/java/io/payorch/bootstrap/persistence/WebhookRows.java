package io.payorch.bootstrap.persistence;

import io.payorch.bootstrap.support.Sql;

import java.sql.Timestamp;
import java.time.Instant;

/** Webhook rows written straight into the database, for the SQL tests of the delivery store. */
final class WebhookRows {

    private WebhookRows() {
    }

    /** A disabled endpoint (the dispatcher leaves its deliveries alone), subscribed to every type. */
    static void disabledEndpoint(String id, String merchant) {
        Sql.update("INSERT INTO webhook_endpoint (id, merchant_id, url, events, enabled, secret_sealed, created_at, updated_at)"
                + " VALUES (?, ?, 'https://example.invalid/hook', ARRAY['*'], false, 'sealed', now(), now())", id, merchant);
    }

    /** A qr_code.paid event and its pending delivery to the endpoint, leased to {@code claimedBy} unless null. */
    static void pendingDelivery(String event, String endpoint, String merchant, String resource, long sequence,
                                Instant createdAndDue, String claimedBy) {
        Timestamp at = Timestamp.from(createdAndDue);
        Sql.update("INSERT INTO outbound_event (id, merchant_id, type, resource_id, sequence, created_at, payload)"
                + " VALUES (?, ?, 'qr_code.paid', ?, ?, ?, '{}')", event, merchant, resource, sequence, at);
        delivery(event, endpoint, merchant, createdAndDue, claimedBy);
    }

    /**
     * A pending qr_code.paid delivery of {@code event} to {@code endpoint}, leased to {@code claimedBy}
     * unless null. Neither needs to exist (V24: no foreign keys), as for a delivery written while its
     * endpoint or event was deleted.
     */
    static void delivery(String event, String endpoint, String merchant, Instant createdAndDue, String claimedBy) {
        Timestamp at = Timestamp.from(createdAndDue);
        Sql.update("INSERT INTO webhook_delivery (event_id, endpoint_id, merchant_id, event_type, status, next_attempt_at,"
                + " created_at, claimed_by, lease_until) VALUES (?, ?, ?, 'qr_code.paid', 'pending', ?, ?, ?,"
                + " CASE WHEN ?::varchar IS NULL THEN NULL ELSE now() + interval '1 minute' END)",
                event, endpoint, merchant, at, at, claimedBy, claimedBy);
    }
}
