package io.payorch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The moment something stops being valid, and the rule that decides whether it is due. */
public record Expiry(Instant at) {

    public Expiry {
        Objects.requireNonNull(at, "at");
    }

    public static Expiry after(Instant start, Duration validity) {
        return new Expiry(start.plus(validity));
    }

    /** Due once the clock has reached the expiry instant. */
    public boolean isDueAt(Instant now) {
        return !now.isBefore(at);
    }
}
