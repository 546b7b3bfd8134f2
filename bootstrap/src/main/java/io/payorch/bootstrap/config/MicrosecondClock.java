package io.payorch.bootstrap.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The system clock truncated to microseconds, PostgreSQL's precision, so that an instant written
 * reads back equal. ({@code Clock.tick} with a sub-millisecond tick divides by zero on JDK 17.)
 */
final class MicrosecondClock extends Clock {

    private final Clock system;

    MicrosecondClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(system.withZone(zone));
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return system.millis();
    }
}
