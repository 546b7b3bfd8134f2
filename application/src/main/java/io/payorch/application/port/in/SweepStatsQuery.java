package io.payorch.application.port.in;

import io.payorch.application.lifecycle.SweepStats;

import java.time.Duration;

/** What the sweeps did lately, for admin stats and metrics. */
public interface SweepStatsQuery {

    /** The last run and the totals since start; never null (empty before the first run). */
    SweepStats snapshot();

    /**
     * How long the oldest item that is due but not yet expired has been waiting now (the sweep
     * lag gauge); zero when nothing is due.
     */
    Duration currentLag();
}
