package io.payorch.bootstrap.observability;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The last outcome of each provider's calls in this instance, for /health. */
@Singleton
public class ProviderCallStats {

    /** One provider's recent record. */
    public record Recent(String lastOutcome, Instant lastCallAt, int consecutiveFailures) {
    }

    private final Map<String, Recent> recent = new ConcurrentHashMap<>();

    public void record(String provider, String outcome, Instant at) {
        boolean failure = "unknown".equals(outcome) || "timeout".equals(outcome) || "not_attempted".equals(outcome);
        recent.compute(provider, (k, old) -> new Recent(outcome, at,
                failure ? (old == null ? 1 : old.consecutiveFailures() + 1) : 0));
    }

    public Map<String, Recent> snapshot() {
        return new TreeMap<>(recent);
    }
}
