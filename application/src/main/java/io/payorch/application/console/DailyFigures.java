package io.payorch.application.console;

import io.payorch.application.console.ProviderActivity.FailureCount;
import io.payorch.application.console.ProviderActivity.Window;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The providers' attempts over the day before {@code at}, by provider, and the most frequent failures. */
public record DailyFigures(Instant at, Map<String, Window> attempts, List<FailureCount> failures) {
    public DailyFigures {
        attempts = Map.copyOf(attempts);
        failures = List.copyOf(failures);
    }
}
