package io.payorch.application.port.in;

import io.payorch.application.admin.OpenStates;
import io.payorch.application.admin.ProviderOverview;
import io.payorch.application.admin.Stats;

import java.util.List;

/** Counts and provider health for operations staff. */
public interface AdminStatsUseCase {

    /**
     * Counts of every state, of one merchant's rows or (merchant null) of all: reads every row, for
     * an operator asking, not for a schedule.
     */
    Stats stats(String merchant);

    /** Counts of the states that are not final only: cheap at any table size (the state gauges). */
    OpenStates openStates();

    List<ProviderOverview> providers();
}
