package io.payorch.application.port.in;

import io.payorch.application.admin.ProviderOverview;
import io.payorch.application.admin.Stats;

import java.util.List;

/** Counts and provider health for operations staff. */
public interface AdminStatsUseCase {

    Stats stats();

    List<ProviderOverview> providers();
}
