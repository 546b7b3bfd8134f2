package io.payorch.application.merchantwebhook;

import java.time.Instant;
import java.util.List;

/**
 * A merchant's webhook endpoint. {@code disabledReason} is {@code merchant} (switched off by
 * {@code PATCH}) or {@code failing} (every delivery failed for the configured time), null when
 * enabled. Never carries its secret.
 */
public record WebhookEndpoint(String id, String merchant, String url, List<String> events, String description,
                              boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt) {

    public static final String DISABLED_BY_MERCHANT = "merchant";
    public static final String DISABLED_FAILING = "failing";

    public WebhookEndpoint {
        events = List.copyOf(events);
    }
}
