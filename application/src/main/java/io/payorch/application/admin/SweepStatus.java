package io.payorch.application.admin;

import io.payorch.application.lifecycle.SweepStats;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last expiry sweep: when it ran, how long it took, how late the oldest item it expired was
 * (lag), and how many of each it expired.
 */
public record SweepStatus(Instant at, Duration duration, Duration lag, long qrsExpired, long otpsExpired) {

    /** The last sweep of a snapshot; empty before the first. */
    public static Optional<SweepStatus> of(SweepStats last) {
        return last.lastSweepAt() == null ? Optional.empty()
                : Optional.of(new SweepStatus(last.lastSweepAt(), last.lastDuration(), last.lastLag(),
                        last.lastQrsExpired(), last.lastOtpsExpired()));
    }
}
