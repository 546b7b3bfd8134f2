package io.payorch.bootstrap.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With payorch.security.open-ops-endpoints=false, metrics and API docs are for admins; /health stays open. */
@MicronautTest(environments = "sandbox")
class ClosedOperationsEndpointsTest extends ApiTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.security.open-ops-endpoints", "false");
    }

    @Test
    void metricsAndApiDocsNeedAnAdmin() {
        for (String path : List.of("/prometheus", "/swagger/payorch-1.0.yml", "/swagger-ui/index.html")) {
            assertEquals(401, api.get(path, null).statusCode(), path);
            assertEquals(401, api.get(path, ApiCalls.basic("sandbox-admin", "nope")).statusCode(), path);
            assertEquals(403, api.get(path, ApiCalls.merchant()).statusCode(), path);
            assertEquals(200, api.get(path, ApiCalls.admin()).statusCode(), path);
        }
        assertEquals(200, api.get("/health", null).statusCode());
    }
}
