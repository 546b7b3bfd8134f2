package io.payorch.application.port.in;

import io.payorch.application.admin.OpenStates;
import io.payorch.application.admin.ProviderOverview;
import io.payorch.application.admin.Stats;

import java.util.List;

/** Counts and provider health for operations staff. */
public interface AdminStatsUseCase {

    /**
     * Counts of every state, of one merchant's rows or (merchant null) of all, from the counts the
     * database keeps as rows change (cheap at any table size).
     */
    Stats stats(String merchant);

    /** Counts of the states that are not final only: cheap at any table size (the state gauges). */
    OpenStates openStates();

    List<ProviderOverview> providers();
}
