package io.payorch.application.merchantwebhook;

import java.time.Duration;

/** The delivery backlog for metrics: pending deliveries, how long the oldest due one has waited, disabled endpoints. */
public record WebhookBacklog(long pending, Duration oldestDueAge, long disabledEndpoints) {
}
