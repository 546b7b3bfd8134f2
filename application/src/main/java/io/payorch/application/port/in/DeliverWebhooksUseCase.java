package io.payorch.application.port.in;

import io.payorch.application.merchantwebhook.ClaimedDelivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** What the delivery workers drive: claim due deliveries, attempt one, give back leases, purge. */
public interface DeliverWebhooksUseCase {

    /** Up to {@code limit} due deliveries, within the per-endpoint limit given what is {@code inFlight} here. */
    List<ClaimedDelivery> claim(String instance, int limit, Map<String, Integer> inFlight);

    /**
     * Signs and sends one claimed delivery and records the attempt (the recording runs on
     * {@code recorder}, never on the HTTP client's threads); completes with true when delivered.
     */
    CompletableFuture<Boolean> attempt(String instance, ClaimedDelivery delivery, Executor recorder);

    int release(String instance);

    /** Deletes up to {@code batch} delivered events past the retention; how many. */
    int purge(int batch);

    /** Deletes pending deliveries left without their endpoint or event (WebhookDeliveryStore#purgeOrphans); how many. */
    int purgeOrphans();

    io.payorch.application.merchantwebhook.WebhookBacklog backlog();
}
