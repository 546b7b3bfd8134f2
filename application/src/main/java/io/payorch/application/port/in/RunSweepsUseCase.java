package io.payorch.application.port.in;

import io.payorch.application.admin.SweepResult;

/** Run the expiry sweeps now, instead of waiting for the schedule. */
public interface RunSweepsUseCase {
    SweepResult runNow();
}
