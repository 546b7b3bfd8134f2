package io.payorch.application.merchantwebhook;

import java.util.List;

/** A delivery with every attempt, oldest first (admin). */
public record DeliveryDetail(DeliverySummary delivery, String url, List<AttemptRecord> attempts) {
    public DeliveryDetail {
        attempts = List.copyOf(attempts);
    }
}
