package io.payorch.application.merchantwebhook;

import java.time.Instant;

/** Admin search of deliveries; every field optional. */
public record DeliveryFilter(String merchant, String endpointId, String status, String type, Instant createdFrom,
                             Instant createdTo) {
}
