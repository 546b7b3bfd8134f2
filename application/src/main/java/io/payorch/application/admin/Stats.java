package io.payorch.application.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts by provider and state, and the last sweep when sweeps report one. */
public record Stats(Instant at, List<StatusCount> qrs, List<StatusCount> transferOtps, Optional<SweepStatus> lastSweep) {
}
