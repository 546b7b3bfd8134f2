package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.wire.HmacSignature;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NUL character (U+0000), which PostgreSQL text cannot hold, is refused where it enters: in a JSON
 * string, a query parameter, a path segment or a decoded cursor it is a 400 naming the field, and
 * an Idempotency-Key used with it stays free for the corrected request.
 */
@MicronautTest(environments = "sandbox")
class NulCharacterTest extends ApiTestSupport {

    @Test
    void aNulInTheDescriptionIsA400AndTheKeyStaysFreeForTheCorrectedRequest() {
        String key = "nul-" + UUID.randomUUID();
        String registrationId = "NUL-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\""
                + registrationId + "\",\"amount\":\"10.00\",\"provider\":\"AOP\",\"description\":\"Order\\u0000991\"}",
                Map.of("Idempotency-Key", key));
        assertProblem(refused, 400, "description");
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", registrationId));

        HttpResponse<String> corrected = api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\""
                + registrationId + "\",\"amount\":\"10.00\",\"provider\":\"AOP\",\"description\":\"Order 991\"}",
                Map.of("Idempotency-Key", key));
        assertEquals(201, corrected.statusCode(), corrected.body());
    }

    @Test
    void aNulInACustomerFieldOrANoteIsA400NamingIt() {
        assertProblem(api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"NUL-C\",\"amount\":\"10.00\","
                + "\"provider\":\"AOP\",\"customer\":{\"name\":\"A\\u0000\",\"mobile\":\"9876543210\"}}", Map.of()),
                400, "customer.name");
        assertProblem(api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"NUL-N\",\"amount\":\"10.00\","
                + "\"notes\":{\"order\":\"9\\u00009\"}}", Map.of()), 400, "notes.order");
        assertProblem(api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"NUL-K\",\"amount\":\"10.00\","
                + "\"notes\":{\"or\\u0000der\":\"99\"}}", Map.of()), 400, "notes");
    }

    @Test
    void aNulInATransferOtpFieldIsA400NamingIt() {
        assertProblem(api.post("/v1/transfer-otps", ApiCalls.merchant(), "{\"registrationId\":\"NUL-OTP\","
                + "\"remitterMobile\":\"9876543210\",\"beneficiaryId\":\"BEN-1\",\"transferType\":\"IMPS\","
                + "\"amount\":\"100\",\"pincode\":\"560001\",\"address\":\"12 MG Road\\u0000\",\"dateOfBirth\":\"1990-01-01\","
                + "\"latitude\":\"12.97\",\"longitude\":\"77.59\"}", Map.of("Idempotency-Key", "nul-otp-" + UUID.randomUUID())),
                400, "address");
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        assertProblem(api.get("/admin/qr-codes?registrationId=a%00b", ApiCalls.admin()), 400, "registrationId");
        assertProblem(api.get("/admin/transfer-otps?registrationId=a%00b", ApiCalls.admin()), 400, "registrationId");
        assertProblem(api.get("/admin/qr-codes?status=ACT%00IVE", ApiCalls.admin()), 400, "status");
    }

    @Test
    void aNulInAPathSegmentIsA400() {
        assertProblem(api.get("/v1/qr-codes/qr_a%00b", ApiCalls.merchant()), 400, "path");
        assertProblem(api.get("/admin/qr-codes/qr_a%00b", ApiCalls.admin()), 400, "path");
        assertProblem(api.get("/v1/transfer-otps/otp_a%00b", ApiCalls.merchant()), 400, "path");
    }

    @Test
    void aCursorThatDecodesToANulIsA400NamingTheCursor() {
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1:1769854530123456:qr_a\u0000b".getBytes(StandardCharsets.UTF_8));
        assertProblem(api.get("/admin/qr-codes?cursor=" + cursor, ApiCalls.admin()), 400, "cursor");
        assertProblem(api.get("/admin/transfer-otps?cursor=" + cursor, ApiCalls.admin()), 400, "cursor");
    }

    @Test
    void aSignedProviderCallbackWithANulIsRefusedAsMalformed() {
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"NUL-HOOK\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        java.util.regex.Matcher reference = java.util.regex.Pattern.compile("\"providerReference\":\"([^\"]+)\"")
                .matcher(created.body());
        assertTrue(reference.find());
        byte[] body = ("{\"eventId\":\"aop-evt-nul\",\"event\":\"payment.success\",\"txnRefranceID\":\""
                + reference.group(1) + "\",\"amount\":\"10.00\",\"paymentId\":\"AOPPAY\\u00001\",\"utr\":\"123456789012\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = api.postBytes("/v1/webhooks/aop", null, body, Map.of("Content-Type",
                "application/json", "X-Payorch-Signature", HmacSignature.sign("sandbox-webhook-secret", body)));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("malformed_notification"), response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(response.body().contains("\"field\":\"" + field + "\""), response.body());
    }
}
