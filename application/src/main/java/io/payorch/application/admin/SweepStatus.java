package io.payorch.application.admin;

import java.time.Duration;
import java.time.Instant;

/**
 * The last expiry sweep: when it ran, how long it took, how late the oldest item it expired was
 * (lag), and how many of each it expired.
 */
public record SweepStatus(Instant at, Duration duration, Duration lag, long qrsExpired, long otpsExpired) {
}
