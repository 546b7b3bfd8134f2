package io.payorch.bootstrap.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.payorch.application.testing.MutableClock;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Makes the shared {@link MutableClock} the application's clock where {@code test.mutable-clock=true}. */
@Factory
class MutableClockFactory {

    @Singleton
    @Replaces(Clock.class)
    @Requires(property = "test.mutable-clock", value = "true")
    MutableClock mutableClock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
