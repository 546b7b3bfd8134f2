package io.payorch.bootstrap.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.testing.MutableClock;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-merchant rate limits over HTTP: {@code acme} may send 5 requests a second with a burst of
 * 5, {@code globex} has no limit. The application's clock stands still unless the test moves it,
 * so "within one second" and "after waiting as told" are exact, whatever the machine's speed.
 */
@MicronautTest(environments = "sandbox")
class RateLimitTest extends ApiTestSupport {

    private static final String ACME = ApiCalls.basic("acme", "acme-secret-for-the-rate-limit-test");
    private static final String GLOBEX = ApiCalls.basic("globex", "globex-secret-for-the-rate-limit-test");
    private static final String QR = "{\"registrationId\":\"RL-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"}";

    @Inject
    MutableClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("test.mutable-clock", "true",
                "payorch.security.merchants.acme.secret", "acme-secret-for-the-rate-limit-test",
                "payorch.security.merchants.acme.rate-limit.requests-per-second", "5",
                "payorch.security.merchants.acme.rate-limit.burst", "5",
                "payorch.security.merchants.globex.secret", "globex-secret-for-the-rate-limit-test");
    }

    @Test
    void theSixthRequestInOneSecondIs429AndAfterWaitingAsToldRequestsSucceedWhileAnotherMerchantIsNeverHeldBack() {
        clock.advance(Duration.ofSeconds(10)); // a full bucket, whatever ran before
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> answer = api.post("/v1/qr-codes", ACME, QR, Map.of());
            assertEquals(201, answer.statusCode(), answer.body());
            assertEquals("\"merchant\";q=5;w=1", answer.headers().firstValue("RateLimit-Policy").orElse(""));
            assertTrue(answer.headers().firstValue("RateLimit").orElse("").startsWith("\"merchant\";r=" + (5 - i) + ";t="),
                    answer.headers().map().toString());
        }

        HttpResponse<String> refused = api.post("/v1/qr-codes", ACME, QR, Map.of());
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("\"code\":\"rate_limited\""), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals("\"merchant\";q=5;w=1", refused.headers().firstValue("RateLimit-Policy").orElse(""));
        assertEquals("\"merchant\";r=0;t=1", refused.headers().firstValue("RateLimit").orElse(""));
        assertTrue(api.get("/prometheus", ApiCalls.admin()).body().contains("payorch_rate_limited_total{client=\"acme\"}"),
                "429s are counted per client");

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> other = api.post("/v1/qr-codes", GLOBEX, QR, Map.of());
            assertEquals(201, other.statusCode(), other.body());
            assertFalse(other.headers().firstValue("RateLimit").isPresent(), "globex has no limit");
        }
        assertEquals(429, api.get("/v1/qr-codes/qr_unknown", ACME).statusCode(), "acme's own time has not moved");

        clock.advance(Duration.ofSeconds(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = api.post("/v1/qr-codes", ACME, QR, Map.of());
            assertEquals(201, again.statusCode(), again.body());
        }
        assertEquals(429, api.post("/v1/qr-codes", ACME, QR, Map.of()).statusCode());
    }

    @Test
    void everyAnswerOfALimitedClientCarriesTheHeadersAndAWrongSecretSpendsNoneOfItsTokens() {
        clock.advance(Duration.ofSeconds(10));
        String wrong = ApiCalls.basic("acme", "not-acme-secret");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, api.get("/v1/qr-codes/qr_unknown", wrong).statusCode());
        }
        HttpResponse<String> notFound = api.get("/v1/qr-codes/qr_unknown", ACME);
        assertEquals(404, notFound.statusCode());
        assertEquals("\"merchant\";r=4;t=1", notFound.headers().firstValue("RateLimit").orElse(""),
                "401s with acme's id did not spend acme's tokens");
        HttpResponse<String> invalid = api.post("/v1/qr-codes", ACME, "{\"amount\":\"x\"}", Map.of());
        assertEquals(400, invalid.statusCode());
        assertEquals("\"merchant\";r=3;t=1", invalid.headers().firstValue("RateLimit").orElse(""));
    }
}
