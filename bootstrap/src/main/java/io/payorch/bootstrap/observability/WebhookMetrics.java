package io.payorch.bootstrap.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.WebhookBacklog;
import io.payorch.application.service.WebhookDeliveryService;
import io.payorch.application.port.in.DeliverWebhooksUseCase;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Merchant webhook metrics: {@code payorch_webhook_attempts_total{outcome=delivered|retrying|failed}},
 * {@code payorch_webhook_attempt_seconds} (receiver time), and, refreshed every 15 s from the
 * database (never on a scrape), {@code payorch_webhook_pending}, {@code payorch_webhook_lag_seconds}
 * (how long the oldest due delivery has waited) and {@code payorch_webhook_endpoints_disabled}.
 */
@Singleton
class WebhookMetrics implements WebhookDeliveryService.Observer {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookMetrics.class);

    private final Map<String, Counter> outcomes;
    private final Timer duration;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong disabled = new AtomicLong();
    private final BeanProvider<DeliverWebhooksUseCase> deliveries;

    WebhookMetrics(MeterRegistry meters, BeanProvider<DeliverWebhooksUseCase> deliveries) {
        this.deliveries = deliveries;
        this.outcomes = Map.of(
                DeliverySummary.DELIVERED, counter(meters, "delivered"),
                DeliverySummary.PENDING, counter(meters, "retrying"),
                DeliverySummary.FAILED, counter(meters, "failed"));
        this.duration = Timer.builder("payorch.webhook.attempt").description("Time a receiver took to answer an attempt")
                .publishPercentileHistogram(false).register(meters);
        Gauge.builder("payorch.webhook.pending", pending, AtomicLong::doubleValue)
                .description("Deliveries waiting for an attempt (all instances)").register(meters);
        TimeGauge.builder("payorch.webhook.lag", lagMillis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .description("How long the oldest due delivery has waited").register(meters);
        Gauge.builder("payorch.webhook.endpoints.disabled", disabled, AtomicLong::doubleValue)
                .description("Endpoints disabled (by their merchant or after failing for too long)").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("payorch.webhook.attempts").tag("outcome", outcome)
                .description("Webhook delivery attempts by the delivery's state afterwards").register(meters);
    }

    @Override
    public void attempted(AttemptRecord attempt, String newStatus) {
        outcomes.get(newStatus).increment();
        duration.record(Duration.ofMillis(attempt.durationMillis()));
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "5s")
    void refresh() {
        try {
            WebhookBacklog backlog = deliveries.get().backlog();
            pending.set(backlog.pending());
            lagMillis.set(backlog.oldestDueAge().toMillis());
            disabled.set(backlog.disabledEndpoints());
        } catch (RuntimeException e) {
            LOG.warn("Refreshing webhook metrics failed: {}", e.toString());
        }
    }
}
