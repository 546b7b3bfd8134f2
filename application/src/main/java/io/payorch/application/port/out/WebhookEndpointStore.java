package io.payorch.application.port.out;

import io.payorch.application.admin.PageCursor;
import io.payorch.application.merchantwebhook.WebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Merchants' webhook endpoints; every lookup is scoped to the owning merchant. */
public interface WebhookEndpointStore {

    void insert(WebhookEndpoint endpoint, String sealedSecret);

    Optional<WebhookEndpoint> find(String merchant, String id);

    /** Newest first, after {@code after} (null: from the newest), at most {@code limit}. */
    List<WebhookEndpoint> list(String merchant, PageCursor after, int limit);

    /** Writes url, events, description, enabled state; false when it no longer exists. */
    boolean update(WebhookEndpoint endpoint);

    boolean delete(String merchant, String id);

    /** The current secret becomes the previous one (signing until {@code previousUntil}); false when gone. */
    boolean rotate(String merchant, String id, String sealedSecret, Instant previousUntil, Instant now);

    long disabledCount();
}
