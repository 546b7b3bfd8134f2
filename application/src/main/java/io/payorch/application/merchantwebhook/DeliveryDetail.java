package io.payorch.application.merchantwebhook;

import java.util.List;

/**
 * A delivery with every attempt, oldest first (admin): the endpoint's URL (never its secret) and
 * the event's exact body ({@code payload}, null when the event is gone).
 */
public record DeliveryDetail(DeliverySummary delivery, String url, List<AttemptRecord> attempts, String payload) {
    public DeliveryDetail {
        attempts = List.copyOf(attempts);
    }
}
