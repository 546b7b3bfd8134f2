package io.payorch.application.console;

import java.util.List;

/**
 * What one provider did lately, from the provider attempts of every instance: success over the last
 * hour and day, the most frequent failures of the day, and its health: {@code DEGRADED} when its last
 * {@link #FAILURES_BEFORE_DEGRADED} calls all failed, {@code DISABLED} when switched off, {@code IDLE}
 * when it had no call for a day, {@code NOT_TRACKED} for a provider whose calls are not QR attempts (DMT),
 * else {@code UP}.
 */
public record ProviderActivity(String provider, boolean enabled, Window lastHour, Window lastDay,
                               List<FailureCount> topFailures, String health, int consecutiveFailures) {

    /** The same threshold as the providers entry of /health. */
    public static final int FAILURES_BEFORE_DEGRADED = 3;

    public ProviderActivity {
        topFailures = List.copyOf(topFailures);
    }

    /** Calls made in a window and how many of them succeeded. */
    public record Window(long attempts, long succeeded) {
        /** Success in tenths of a percent (e.g. 987 for 98.7 %), or -1 with no attempts. */
        public long successPermille() {
            return attempts == 0 ? -1 : succeeded * 1000 / attempts;
        }
    }

    /** A failure outcome with its detail (the provider's code and message, or what went wrong) and how often. */
    public record FailureCount(String provider, String outcome, String detail, long count) {
    }
}
