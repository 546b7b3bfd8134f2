package io.payorch.bootstrap.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a caller without admin credentials learns about the deployment: {@code /health} says only
 * UP or DOWN, and with {@code payorch.cors.allowed-origins} unset every cross-origin browser
 * request is refused with a problem document, while payorch's own pages and servers (no
 * {@code Origin}) are served as before.
 */
@MicronautTest(environments = "sandbox")
class AnonymousCallerTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anonymousHealthHasNoKeyButStatusAndAnAdminSeesTheDetails() {
        for (String caller : new String[]{null, ApiCalls.merchant(), ApiCalls.basic("sandbox-admin", "wrong")}) {
            HttpResponse<String> health = api.get("/health", caller);
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("{\"status\":\"UP\"}", health.body());
        }
        HttpResponse<String> admin = api.get("/health", ApiCalls.admin());
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("\"jdbc\"") && admin.body().contains("\"providers\""), admin.body());
        for (String probe : new String[]{"/health/liveness", "/health/readiness"}) {
            HttpResponse<String> answer = api.get(probe, null);
            assertTrue(answer.statusCode() == 404 || "{\"status\":\"UP\"}".equals(answer.body()), probe + " " + answer.body());
        }
    }

    @Test
    void withNoAllowedOriginsACrossOriginRequestIs403AsAProblemAndItsPreflightToo() throws Exception {
        HttpResponse<String> refused = api.get("/v1/qr-codes/qr_unknown", ApiCalls.merchant(),
                Map.of("Origin", "https://shop.example.com"));
        assertEquals(403, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("\"code\":\"origin_not_allowed\""), refused.body());
        assertFalse(refused.headers().firstValue("Access-Control-Allow-Origin").isPresent());

        HttpResponse<String> preflight = options("/v1/qr-codes", "https://shop.example.com");
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.body().contains("\"code\":\"origin_not_allowed\""), preflight.body());
        assertTrue(options("/health", "null").body().contains("origin_not_allowed"));

        assertEquals(404, api.get("/v1/qr-codes/qr_unknown", ApiCalls.merchant()).statusCode(), "no Origin: a server");
        String own = "http://" + server.getHost() + ":" + server.getPort();
        assertEquals(404, api.get("/v1/qr-codes/qr_unknown", ApiCalls.merchant(), Map.of("Origin", own)).statusCode(),
                "payorch's own pages (console, Swagger UI) are same-origin");
    }

    static HttpResponse<String> options(URI base, String path, String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> options(String path, String origin) throws IOException, InterruptedException {
        return options(URI.create(server.getURL().toString()), path, origin);
    }
}
