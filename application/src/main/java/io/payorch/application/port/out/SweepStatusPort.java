package io.payorch.application.port.out;

import io.payorch.application.admin.SweepStatus;

import java.util.Optional;

/** What the expiry sweeps last did, where they report it. */
public interface SweepStatusPort {
    Optional<SweepStatus> last();
}
