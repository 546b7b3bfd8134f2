package io.payorch.bootstrap.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of every test that starts the application: it runs on {@link TestPostgres}. Subclasses add
 * their own properties (e.g. a provider's base URL pointing at a WireMock stub).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PostgresTestSupport implements TestPropertyProvider {

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> all = new HashMap<>(TestPostgres.properties());
        all.putAll(extraProperties());
        return all;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /**
     * The properties of a test that drives the sweeps itself: a random server port, no scheduled
     * sweep, plus {@code more} as key, value, key, value...
     */
    protected static Map<String, String> withoutScheduledSweep(String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("properties come as key, value pairs");
        }
        Map<String, String> properties = new HashMap<>(Map.of("micronaut.server.port", "-1", "payorch.sweep.enabled", "false"));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }
}
