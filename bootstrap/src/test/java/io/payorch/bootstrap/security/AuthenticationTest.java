package io.payorch.bootstrap.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route group against no, wrong and right credentials, over HTTP. */
@MicronautTest(environments = "sandbox")
class AuthenticationTest extends ApiTestSupport {

    private static final List<String[]> MERCHANT_ROUTES = List.of(
            new String[]{"GET", "/v1/qr-codes/qr_unknown"},
            new String[]{"POST", "/v1/qr-codes"},
            new String[]{"GET", "/v1/qr-codes/qr_unknown/image.png"},
            new String[]{"GET", "/v1/qr-codes/qr_unknown/image.svg"});
    private static final List<String[]> ADMIN_ROUTES = List.of(
            new String[]{"GET", "/admin/qr-codes"},
            new String[]{"GET", "/admin/qr-codes/qr_unknown"},
            new String[]{"GET", "/admin/transfer-otps"},
            new String[]{"GET", "/admin/transfer-otps/otp_unknown"},
            new String[]{"POST", "/admin/sweeps"},
            new String[]{"GET", "/admin/stats"},
            new String[]{"GET", "/admin/providers"});
    private static final List<String> BAD_CREDENTIALS = List.of(
            ApiCalls.basic("sandbox-merchant", "wrong-secret"),
            ApiCalls.basic("sandbox-admin", "sandbox-secret"),
            ApiCalls.basic("nobody", "sandbox-secret"),
            ApiCalls.basic("sandbox-merchant", ""),
            ApiCalls.basic("sandbox-merchant", "sandbox-secret "),
            "Basic !!!not-base64!!!",
            "Bearer sandbox-secret",
            "sandbox-merchant:sandbox-secret");

    @Test
    void noCredentialsIs401WithABasicChallengeOnEveryProtectedRoute() {
        List<String[]> all = new ArrayList<>(MERCHANT_ROUTES);
        all.addAll(ADMIN_ROUTES);
        for (String[] route : all) {
            HttpResponse<String> response = call(route, null);
            assertEquals(401, response.statusCode(), route[1]);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), route[1]);
            assertTrue(response.body().contains("\"code\":\"unauthorized\""), response.body());
        }
    }

    @Test
    void wrongCredentialsAre401OnEveryProtectedRoute() {
        List<String[]> all = new ArrayList<>(MERCHANT_ROUTES);
        all.addAll(ADMIN_ROUTES);
        for (String[] route : all) {
            for (String credentials : BAD_CREDENTIALS) {
                assertEquals(401, call(route, credentials).statusCode(), route[1] + " with " + credentials);
            }
        }
    }

    @Test
    void aMerchantIsForbiddenEveryAdminRoute() {
        for (String[] route : ADMIN_ROUTES) {
            HttpResponse<String> response = call(route, ApiCalls.merchant());
            assertEquals(403, response.statusCode(), route[1]);
            assertTrue(response.body().contains("\"code\":\"forbidden\""), response.body());
        }
    }

    @Test
    void theRightCredentialsGetThrough() {
        for (String[] route : MERCHANT_ROUTES) {
            int merchant = call(route, ApiCalls.merchant()).statusCode();
            int admin = call(route, ApiCalls.admin()).statusCode();
            assertTrue(merchant != 401 && merchant != 403, route[1] + " " + merchant);
            assertTrue(admin != 401 && admin != 403, route[1] + " " + admin);
        }
        assertEquals(200, api.get("/admin/providers", ApiCalls.admin()).statusCode());
        assertEquals(404, api.get("/admin/qr-codes/qr_unknown", ApiCalls.admin()).statusCode());
    }

    @Test
    void webhooksSandboxAndHealthNeedNoCredentials() {
        HttpResponse<String> webhook = api.post("/v1/webhooks/razorpay", null, "{}", Map.of());
        assertTrue(webhook.headers().firstValue("WWW-Authenticate").isEmpty(), "webhooks are checked by signature");
        assertTrue(!webhook.body().contains("\"code\":\"unauthorized\""), webhook.body());
        HttpResponse<String> simulator = api.post("/sandbox/aop/api/AOP/V4/DynamicQRCode", null,
                "{\"RegistrationID\":\"AUTH-1\",\"amount\":\"10\"}", Map.of());
        assertEquals(200, simulator.statusCode(), simulator.body());
        assertEquals(200, api.get("/health", null).statusCode());
    }

    private HttpResponse<String> call(String[] route, String authorization) {
        return "POST".equals(route[0])
                ? api.post(route[1], authorization, "{\"registrationId\":\"AUTH-X\",\"amount\":\"1.00\",\"provider\":\"AOP\"}", Map.of())
                : api.get(route[1], authorization);
    }
}
