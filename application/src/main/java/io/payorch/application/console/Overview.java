package io.payorch.application.console;

import io.payorch.application.admin.OpenStates;
import io.payorch.application.admin.SweepStatus;
import io.payorch.application.merchantwebhook.PendingBacklog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The console's first page: work in progress, provider activity, payments waiting, the webhook
 * backlog, the sweeps.
 *
 * @param dailyAsOf when the providers' last-day figures were counted
 */
public record Overview(Instant at, OpenStates open, List<ProviderActivity> providers, Instant dailyAsOf,
                       long paymentsWaiting, PendingBacklog webhooks, Optional<SweepStatus> lastSweep) {
    public Overview {
        providers = List.copyOf(providers);
    }
}
