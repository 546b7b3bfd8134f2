package io.payorch.application.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One provider as operations see it; never a credential. {@code recentOutcomes} counts the
 * outcome labels of its last calls (accepted, rejected, not_attempted, unknown).
 */
public record ProviderOverview(String name, boolean enabled, String baseUrl, String authMode,
                               Map<String, Long> recentOutcomes, Instant lastCallAt) {
}
