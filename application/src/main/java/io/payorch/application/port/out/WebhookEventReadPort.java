package io.payorch.application.port.out;

import io.payorch.application.admin.PageCursor;
import io.payorch.application.merchantwebhook.StoredEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A merchant's outgoing events, read back. */
public interface WebhookEventReadPort {

    Optional<StoredEvent> find(String merchant, String id);

    /** Newest first; {@code type} and {@code createdFrom} optional. */
    List<StoredEvent> list(String merchant, String type, Instant createdFrom, PageCursor after, int limit);
}
