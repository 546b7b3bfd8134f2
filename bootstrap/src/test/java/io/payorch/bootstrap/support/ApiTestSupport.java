package io.payorch.bootstrap.support;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;

/**
 * Base of a test that calls the running application over raw HTTP ({@link ApiCalls}): the embedded
 * server is injected and {@link #api} points at it before the subclass's own {@code @BeforeAll}.
 */
public abstract class ApiTestSupport extends PostgresTestSupport {

    @Inject
    protected EmbeddedServer server;

    protected ApiCalls api;

    @BeforeAll
    void apiCallsToTheServer() {
        api = new ApiCalls(URI.create(server.getURL().toString()));
    }
}
