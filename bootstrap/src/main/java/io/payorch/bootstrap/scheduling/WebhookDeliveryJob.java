package io.payorch.bootstrap.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.port.in.DeliverWebhooksUseCase;
import io.payorch.bootstrap.shutdown.Drainable;
import io.payorch.bootstrap.webhooks.DeliveryNotifications;
import io.payorch.bootstrap.webhooks.WebhookDispatcher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts this instance's webhook deliverer once the server is up (LISTEN plus the dispatcher
 * loop), purges delivered events past their retention hourly in batches (and pending deliveries
 * whose endpoint or event was deleted as they were written), and on shutdown stops
 * claiming, lets attempts in flight finish (up to {@code payorch.webhooks.stop-grace}, 10 s) and
 * gives back the leases held. {@code payorch.webhooks.dispatch.enabled=false} leaves delivery to
 * other instances.
 */
@Singleton
@Requires(property = "payorch.webhooks.dispatch.enabled", notEquals = "false")
public class WebhookDeliveryJob implements ApplicationEventListener<ServerStartupEvent>, Drainable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryJob.class);
    private static final int PURGE_BATCH = 1000;

    private final WebhookDispatcher dispatcher;
    private final DeliveryNotifications notifications;
    private final DeliverWebhooksUseCase deliveries;
    private final Duration stopGrace;
    private final AtomicBoolean stopped = new AtomicBoolean();

    WebhookDeliveryJob(WebhookDispatcher dispatcher, DeliveryNotifications notifications,
                       DeliverWebhooksUseCase deliveries,
                       @Value("${payorch.webhooks.stop-grace:10s}") Duration stopGrace) {
        this.dispatcher = dispatcher;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.stopGrace = stopGrace;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        notifications.start();
        dispatcher.start();
        LOG.info("Webhook deliverer {} started", dispatcher.instance());
    }

    /** A graceful drain: stop claiming at once; the stage completes once held deliveries are finished or handed back. */
    @Override
    public CompletionStage<?> stopClaiming() {
        return CompletableFuture.runAsync(() -> {
            try {
                stop();
            } catch (RuntimeException e) {
                LOG.warn("Webhook deliverer {} did not stop cleanly: {}", dispatcher.instance(), e.toString());
            }
        });
    }

    /** Stops claiming, finishes or hands back held deliveries; once, whether the drain or the context's close asks first. */
    @PreDestroy
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        notifications.stop();
        int released = dispatcher.stop(stopGrace);
        if (released > 0) {
            LOG.info("Webhook deliverer {} gave back {} leases", dispatcher.instance(), released);
        }
    }

    @Scheduled(fixedDelay = "${payorch.webhooks.purge-interval:1h}", initialDelay = "1m")
    void purge() {
        try {
            int total = 0;
            int purged;
            do {
                purged = deliveries.purge(PURGE_BATCH);
                total += purged;
            } while (purged == PURGE_BATCH);
            if (total > 0) {
                LOG.info("Purged {} delivered webhook events past their retention", total);
            }
            int orphans = deliveries.purgeOrphans();
            if (orphans > 0) {
                LOG.info("Purged {} pending webhook deliveries whose endpoint or event was deleted as they were written",
                        orphans);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging webhook events failed; retried at the next run: {}", e.toString());
        }
    }
}
