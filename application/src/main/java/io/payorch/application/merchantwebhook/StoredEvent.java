package io.payorch.application.merchantwebhook;

import java.time.Instant;

/** An outgoing event as stored: its exact body ({@code payload}) is what every delivery sends. */
public record StoredEvent(String id, String merchant, String type, Instant createdAt, String payload) {
}
