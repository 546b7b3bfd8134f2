package io.payorch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition of a QR or OTP, kept for the audit trail. {@code from} is {@code null} for the
 * creation event; {@code source} names who caused it (api, provider, sweep, webhook, admin).
 */
public record StateChange(String from, String to, Instant at, String reason, String source) {
    public StateChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
