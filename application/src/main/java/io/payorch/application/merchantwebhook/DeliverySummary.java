package io.payorch.application.merchantwebhook;

import java.time.Instant;

/**
 * One event's delivery to one endpoint: {@code pending} (waiting for its next attempt),
 * {@code delivered} (a 2xx came back) or {@code failed} (the last scheduled attempt failed).
 */
public record DeliverySummary(long id, String eventId, String endpointId, String merchant, String type, String status,
                              int attempts, Instant lastAttemptAt, Integer lastStatusCode, Instant nextAttemptAt,
                              Instant createdAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final java.util.List<String> STATUSES = java.util.List.of(PENDING, DELIVERED, FAILED);
}
