package io.payorch.bootstrap.observability;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health, /prometheus, the OpenAPI document and Swagger UI, and request ids. */
@MicronautTest(environments = "sandbox")
class OperationsEndpointsTest extends ApiTestSupport {

    private static final Pattern ACTIVE_AOP_QRS = Pattern.compile("payorch_qr_state\\{provider=\"AOP\",status=\"ACTIVE\"} [1-9]");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.metrics.state-refresh", "200ms", "payorch.providers.aop.read-timeout", "3s",
                "payorch.sandbox.slow-answer-delay", "9s");
    }

    @Test
    void healthShowsTheDatabaseAndEachProvider() {
        HttpResponse<String> health = api.get("/health", ApiCalls.admin());
        assertEquals(200, health.statusCode(), health.body());
        String body = health.body();
        assertTrue(body.contains("\"status\":\"UP\""), body);
        assertTrue(body.contains("\"jdbc\""), body);
        assertTrue(body.contains("\"providers\""), body);
        for (String provider : new String[]{"aop", "oqpay", "bos", "razorpay", "dmt"}) {
            assertTrue(body.contains("\"" + provider + "\""), provider + " in " + body);
        }
    }

    @Test
    void prometheusHasProviderTimersOutcomeCountersAndStateGauges() throws InterruptedException {
        assertEquals(201, api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"OPS-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of()).statusCode());
        assertEquals(422, api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"OPS-1-REJECT\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of()).statusCode());
        assertEquals(504, api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"OPS-1-TIMEOUT\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of()).statusCode());
        String metrics = "";
        for (int i = 0; i < 50 && !ACTIVE_AOP_QRS.matcher(metrics).find(); i++) {
            Thread.sleep(100);
            metrics = api.get("/prometheus", null).body();
        }
        assertTrue(metrics.contains("payorch_provider_call_seconds_count{outcome=\"accepted\",provider=\"aop\"}"), metrics);
        assertTrue(metrics.contains("payorch_provider_call_seconds_count{outcome=\"rejected\",provider=\"aop\"}"), metrics);
        assertTrue(metrics.contains("payorch_provider_call_seconds_count{outcome=\"timeout\",provider=\"aop\"}"), metrics);
        assertTrue(metrics.contains("payorch_provider_outcomes_total{outcome=\"accepted\",provider=\"aop\"}"), metrics);
        assertTrue(ACTIVE_AOP_QRS.matcher(metrics).find(), metrics);
        assertTrue(metrics.contains("payorch_qr_state{provider=\"OQPAY\",status=\"PENDING\"} 0.0"),
                "every provider and open state has a series, 0 when empty: " + metrics);
        assertTrue(metrics.contains("payorch_otp_state{status=\"OTP_SENT\"}"), metrics);
        assertTrue(!metrics.contains("payorch_qr_state{provider=\"AOP\",status=\"FAILED\"}"),
                "finished states are counted on request (/admin/stats), not by a gauge: " + metrics);
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        HttpResponse<String> spec = api.get("/swagger/payorch-1.0.yml", null);
        assertEquals(200, spec.statusCode());
        for (String path : new String[]{"/v1/qr-codes:", "/v1/qr-codes/{id}:", "/v1/qr-codes/{id}/image.png:",
                "/v1/qr-codes/{id}/image.svg:", "/admin/qr-codes:", "/admin/qr-codes/{id}:", "/admin/transfer-otps:",
                "/admin/transfer-otps/{id}:", "/admin/sweeps:", "/admin/stats:", "/admin/providers:"}) {
            assertTrue(spec.body().contains(path), path);
        }
        assertTrue(spec.body().contains("Idempotency-Key"));
        assertTrue(spec.body().contains("basicAuth"));
        for (String simulator : new String[]{"/sandbox/aop", "/sandbox/bos", "/sandbox/oqpay", "/sandbox/razorpay", "/sandbox/dmt"}) {
            assertTrue(!spec.body().contains("  " + simulator), "simulators are not part of the API: " + simulator);
        }
        assertTrue(spec.body().contains("  /sandbox/qr-codes/{id}/pay:"), "the sandbox's own endpoint is, under its tag");
        HttpResponse<String> ui = api.get("/swagger-ui/index.html", null);
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("swagger"), ui.body());
    }

    @Test
    void everyResponseCarriesARequestId() {
        String generated = api.get("/health", null).headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(generated.length() >= 16);
        assertTrue(api.get("/admin/stats", null).headers().firstValue("X-Request-Id").isPresent(), "on a 401");
        assertTrue(api.get("/v1/qr-codes/qr_nope", ApiCalls.merchant()).headers().firstValue("X-Request-Id").isPresent(),
                "on a 404");
        HttpResponse<String> given = api.post("/v1/qr-codes", ApiCalls.merchant(), "{", Map.of("X-Request-Id", "trace-42.a_b"));
        assertEquals(400, given.statusCode());
        assertEquals("trace-42.a_b", given.headers().firstValue("X-Request-Id").orElseThrow());
        for (String hostile : new String[]{"x".repeat(65), "bad id", "id\"><script>", "id;drop"}) {
            HttpResponse<String> replaced = api.post("/v1/qr-codes", ApiCalls.merchant(), "{",
                    Map.of("X-Request-Id", hostile));
            String answered = replaced.headers().firstValue("X-Request-Id").orElseThrow();
            assertNotEquals(hostile, answered, "an id that is no sane token is replaced, never echoed");
            assertTrue(answered.length() >= 16, answered);
        }
    }
}
