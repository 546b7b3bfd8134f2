package io.payorch.application.merchantwebhook;

import java.time.Duration;

/**
 * Merchant webhook settings ({@code payorch.webhooks.*}): how long a rotated secret keeps signing,
 * the retry schedule, when an always-failing endpoint is disabled, how long delivered events are
 * kept, the lease of a claimed delivery (longer than an attempt can take) and how many attempts
 * one instance makes to one endpoint at once.
 */
public record WebhookSettings(Duration secretOverlap, RetrySchedule retries, Duration disableAfter, Duration retention,
                              Duration lease, int perEndpointConcurrency) {

    public WebhookSettings {
        if (perEndpointConcurrency < 1) {
            throw new IllegalArgumentException("per-endpoint concurrency must be at least 1");
        }
    }
}
