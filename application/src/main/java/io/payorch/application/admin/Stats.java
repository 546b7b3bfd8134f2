package io.payorch.application.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts by provider and state, and the last sweep when sweeps report one.
 *
 * @param merchant the merchant counted, or null for every row
 */
public record Stats(Instant at, String merchant, List<StatusCount> qrs, List<StatusCount> transferOtps,
                    Optional<SweepStatus> lastSweep) {
}
