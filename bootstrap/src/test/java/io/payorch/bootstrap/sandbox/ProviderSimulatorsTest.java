package io.payorch.bootstrap.sandbox;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.EndToEndSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's OQPay, BOS and Razorpay simulators, reached the way payorch reaches them (no base
 * URL configured), with the triggers of DESIGN.md.
 */
@MicronautTest(environments = "sandbox")
class ProviderSimulatorsTest extends EndToEndSupport {

    @Inject
    OqpaySimulatorController oqpay;

    @Inject
    BosSimulatorController bos;

    @Inject
    RazorpaySimulatorController razorpay;

    @Override
    protected Map<String, String> providerProperties() {
        // timeouts long enough for a cold client's first call on a slow machine; the slow answer far beyond them
        return Map.of("payorch.sandbox.slow-answer-delay", "9s",
                "payorch.providers.oqpay.read-timeout", "3s",
                "payorch.providers.bos.read-timeout", "3s",
                "payorch.providers.razorpay.read-timeout", "3s");
    }

    private Answer createAt(String provider, String registrationId) {
        Map<String, Object> body = new HashMap<>(Map.of("registrationId", registrationId, "amount", "500",
                "provider", provider));
        if (provider.equals("OQPAY")) {
            body.put("customer", Map.of("name", "Ajay Singh", "mobile", "9876543210", "email", "ajay@example.com"));
        }
        return create(body);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OQPAY", "BOS", "RAZORPAY"})
    void eachSimulatorIssuesAnActiveQrAndKeepsIt(String provider) {
        Answer answer = createAt(provider, "SIM-1");

        assertEquals(201, answer.status(), String.valueOf(answer.body()));
        Map<String, Object> qr = answer.qr();
        assertEquals("ACTIVE", qr.get("status"));
        assertNotNull(qr.get("providerReference"));
        assertTrue(Instant.parse((String) qr.get("expiresAt")).isAfter(Instant.now()));
        SimulatedQrRegistry issued = switch (provider) {
            case "OQPAY" -> oqpay.issued();
            case "BOS" -> bos.issued();
            default -> razorpay.issued();
        };
        SimulatedQrRegistry.SimulatedQr kept = issued.find((String) qr.get("providerReference")).orElseThrow();
        assertEquals("SIM-1", kept.registrationId());
        assertEquals(50_000L, kept.amountPaise());
        if (provider.equals("RAZORPAY")) {
            assertEquals(qr.get("id"), kept.payorchQrId());
            assertTrue(((String) qr.get("imageUrl")).startsWith("https://rzp.io/i/"));
        } else {
            assertTrue(((String) qr.get("upiIntent")).startsWith("upi://pay?"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "OQPAY, SIM-REJECT, 422, FAILED", "BOS, SIM-REJECT, 422, FAILED", "RAZORPAY, SIM-REJECT, 422, FAILED",
            "OQPAY, SIM-TIMEOUT, 504, UNKNOWN", "BOS, SIM-TIMEOUT, 504, UNKNOWN", "RAZORPAY, SIM-TIMEOUT, 504, UNKNOWN",
            "OQPAY, SIM-FAIL500, 502, UNKNOWN", "BOS, SIM-FAIL500, 502, UNKNOWN", "RAZORPAY, SIM-FAIL500, 502, UNKNOWN",
            "OQPAY, SIM-GARBAGE, 502, UNKNOWN", "BOS, SIM-GARBAGE, 502, UNKNOWN", "RAZORPAY, SIM-GARBAGE, 502, UNKNOWN"})
    void theTriggersGiveTheirFailure(String provider, String registrationId, int status, String rowStatus) {
        Answer answer = createAt(provider, registrationId);

        assertEquals(status, answer.status());
        assertEquals(rowStatus, rows.column((String) answer.qr().get("id"), "status"));
    }

    @Test
    void razorpaysSimulatorClosesAndFetchesWithBasicAuth() {
        String reference = (String) createAt("RAZORPAY", "SIM-2").qr().get("providerReference");
        String base = "/sandbox/razorpay/v1/payments/qr_codes/" + reference;

        HttpResponse<Map<String, Object>> closed = client.toBlocking().exchange(HttpRequest.POST(base + "/close", "")
                .basicAuth("rzp_test_sandbox", "sandbox-key-secret"), Argument.mapOf(String.class, Object.class));
        Map<String, Object> fetched = client.toBlocking().retrieve(HttpRequest.GET(base)
                .basicAuth("rzp_test_sandbox", "sandbox-key-secret"), Argument.mapOf(String.class, Object.class));

        assertEquals("closed", closed.body().get("status"));
        assertEquals("on_demand", closed.body().get("close_reason"));
        assertEquals("closed", fetched.get("status"));
        HttpClientResponseException wrongKey = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET(base).basicAuth("rzp_test_sandbox", "wrong"), Map.class));
        assertEquals(401, wrongKey.code());
        assertTrue(wrongKey.getResponse().getBody(String.class).orElseThrow().contains("The api key provided is invalid"));
    }

    @Test
    void bosSimulatorRefusesTheQrCallWithoutALiveBearerToken() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/sandbox/bos/api/BOS/V4/DynamicQRCode",
                        Map.of("RegistrationID", "BOS-554", "amount", "10")).bearerAuth("made-up"), Map.class));

        assertEquals(401, e.code());
        HttpClientResponseException badLogin = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/sandbox/bos/api/BOS/V4/Token",
                        Map.of("username", "sandbox-bos", "password", "wrong")), Map.class));
        assertEquals(401, badLogin.code());
    }

    @Test
    void theV4SimulatorTakesTheAmountOnlyAsThePageSpellsItAndEchoesItUnchanged() {
        for (String spelling : List.of("10", "10.5", "10.50", "0.01")) {
            Map<?, ?> answer = client.toBlocking().retrieve(HttpRequest.POST("/sandbox/aop/api/AOP/V4/DynamicQRCode",
                    Map.of("RegistrationID", "AOP-554", "amount", spelling)), Map.class);
            assertTrue(((String) answer.get("UPIIntend")).endsWith("&am=" + spelling), answer.toString());
        }
        for (Object odd : List.of("1e1", "10.000", "+10", " 10", "10.", ".5", "0", "-1", "1,000", 10)) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.POST("/sandbox/aop/api/AOP/V4/DynamicQRCode",
                            Map.of("RegistrationID", "AOP-554", "amount", odd)), Map.class), "amount " + odd);
            assertEquals(400, e.code(), "amount " + odd);
        }
    }
}
