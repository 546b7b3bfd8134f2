package io.payorch.application.admin;

import java.time.Instant;
import java.util.Map;

/** Outcome label counts of a provider's most recent calls, and when the last one was made. */
public record RecentOutcomes(Map<String, Long> counts, Instant lastCallAt) {
    public RecentOutcomes {
        counts = Map.copyOf(counts);
    }

    public static RecentOutcomes none() {
        return new RecentOutcomes(Map.of(), null);
    }
}
