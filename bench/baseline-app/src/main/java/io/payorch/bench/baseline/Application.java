package io.payorch.bench.baseline;

import io.micronaut.runtime.Micronaut;

/** The benchmark baseline: one endpoint that inserts one row per POST. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
