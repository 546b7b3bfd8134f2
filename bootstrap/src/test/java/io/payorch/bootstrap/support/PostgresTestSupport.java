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
}
