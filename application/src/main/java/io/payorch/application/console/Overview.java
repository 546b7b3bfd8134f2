package io.payorch.application.console;

import io.payorch.application.admin.OpenStates;
import io.payorch.application.admin.SweepStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's first page: work in progress, provider activity, payments waiting, the sweeps. */
public record Overview(Instant at, OpenStates open, List<ProviderActivity> providers, long paymentsWaiting,
                       Optional<SweepStatus> lastSweep) {
    public Overview {
        providers = List.copyOf(providers);
    }
}
