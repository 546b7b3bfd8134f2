package io.payorch.application.port.in;

import io.payorch.application.admin.Page;
import io.payorch.application.merchantwebhook.CreatedEndpoint;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.EndpointChange;
import io.payorch.application.merchantwebhook.StoredEvent;
import io.payorch.application.merchantwebhook.WebhookEndpoint;
import io.payorch.application.merchantwebhook.WebhookSecret;

/**
 * A merchant's webhook endpoints, their delivery log and replay, and the merchant's events. Every
 * call is scoped to {@code merchant}: another merchant's endpoint or event is not found.
 */
public interface ManageWebhookEndpointsUseCase {

    CreatedEndpoint create(String merchant, EndpointChange request);

    /**
     * The merchant's endpoint at {@code url}, created with {@code secret} if there is none (the
     * sandbox's own receiver, whose secret is fixed and public).
     */
    WebhookEndpoint ensure(String merchant, String url, WebhookSecret secret);

    Page<WebhookEndpoint> list(String merchant, String limit, String cursor);

    WebhookEndpoint get(String merchant, String id);

    WebhookEndpoint update(String merchant, String id, EndpointChange change);

    void delete(String merchant, String id);

    /** A new secret; the old one keeps signing beside it for the configured overlap. */
    WebhookSecret rotateSecret(String merchant, String id);

    Page<DeliverySummary> deliveries(String merchant, String endpointId, String status, String limit, String cursor);

    void retry(String merchant, String endpointId, String eventId);

    /** Enqueues again every event of the endpoint's types created since {@code since}; how many. */
    int replay(String merchant, String endpointId, String since);

    StoredEvent event(String merchant, String id);

    Page<StoredEvent> events(String merchant, String type, String createdFrom, String limit, String cursor);
}
