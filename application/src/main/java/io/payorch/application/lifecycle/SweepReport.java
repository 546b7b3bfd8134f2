package io.payorch.application.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of the expiry sweep.
 *
 * @param lag      how late the run was for the oldest item it expired (run start − its expiry);
 *                 empty when nothing was due
 * @param failures batches that failed; their items stay due and are retried at the next run
 */
public record SweepReport(Instant startedAt, Duration duration, long qrsExpired, long otpsExpired,
                          Optional<Duration> lag, List<Failure> failures) {

    public SweepReport {
        failures = List.copyOf(failures);
    }

    /** A batch that failed, with its cause, for the caller to log. */
    public record Failure(String kind, Throwable cause) {
    }
}
