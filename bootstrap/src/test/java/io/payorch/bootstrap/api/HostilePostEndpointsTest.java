package io.payorch.bootstrap.api;

import io.payorch.wire.HmacSignature;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.HostileBodies;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bodies against every POST endpoint but QR creation ({@link HostileInputTest}): transfer
 * OTPs, the four webhooks (unsigned and correctly signed), and closing a QR with odd ids. Never a
 * 5xx, a 400 always names its field, and nothing that was refused leaves a row or changes a QR.
 * Requests too large for the server to read say which part was too large (URL 414, headers 431,
 * body 413).
 */
@MicronautTest(environments = "sandbox")
class HostilePostEndpointsTest extends ApiTestSupport {

    /** The sandbox's webhook secret of every provider (application-sandbox.yml). */
    private static final String WEBHOOK_SECRET = "sandbox-webhook-secret";

    private static final List<String> NOT_A_STRING = List.of("123", "-1", "1.5", "true", "false", "[]", "[\"a\"]", "{}",
            "{\"x\":1}", "1e400", "99999999999999999999999999999999");
    private static final List<String> NOT_DEGREES = List.of("true", "false", "[]", "[\"a\"]", "{}", "{\"x\":1}", "1e400",
            "99999999999999999999999999999999", "\"abc\"", "181.5", "-181", "1.12345678901234567890", "\"1e2\"",
            "\"0x10\"");

    /** No scheduled sweep: rows left by earlier tests must not expire (and add events) while counting. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.sweep.interval", "1h", "payorch.sweep.initial-delay", "1h");
    }

    @Test
    void transferOtpsRefuseEveryHostileBodyWith4xxAndStoreNothing() {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("registrationId", "\"HOST-OTP\"");
        valid.put("remitterMobile", "\"9876543210\"");
        valid.put("beneficiaryId", "\"60600077\"");
        valid.put("transferType", "\"IMPS\"");
        valid.put("amount", "\"100\"");
        valid.put("pincode", "\"110045\"");
        valid.put("address", "\"Delhi\"");
        valid.put("dateOfBirth", "\"2000-08-20\"");
        valid.put("latitude", "\"28.6090\"");
        valid.put("longitude", "\"77.2362\"");
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (String field : valid.keySet()) {
            wrong.put(field, NOT_A_STRING);
        }
        List<String> notLatitude = new ArrayList<>(NOT_DEGREES);
        notLatitude.addAll(List.of("90.0001", "\"-91\""));
        wrong.put("latitude", notLatitude);
        wrong.put("longitude", NOT_DEGREES);
        wrong.put("amount", List.of("100", "\"0\"", "\"-100\"", "\"1e3\"", "\"100.001\"", "\"99999999999999999999\"",
                "\"१००\"", "\" 100\"", "\"NaN\"", "true", "[]", "{}"));
        wrong.put("dateOfBirth", List.of("\"2000-02-30\"", "\"20-08-2000\"", "\"2999-01-01\"", "\"1800-01-01\"",
                "\"2000-8-2\"", "\"2000-08-20T00:00:00Z\"", "20000820", "true", "[]", "{}"));
        wrong.put("address", List.of("\"" + "a".repeat(201) + "\"", "\"line1\\nline2\"", "\"tab\\there\"",
                "\"nul\\u0000\"", "\"\\u0007\"", "123", "true", "[]", "{}", "{\"x\":1}"));
        // the free-text address is the one field where an injection string is a legitimate value
        List<String> bodies = HostileBodies.forObject(valid, wrong, java.util.Set.of("address"));
        assertTrue(bodies.size() >= 200, "only " + bodies.size() + " bodies");

        long otps = Sql.count("SELECT count(*) FROM transfer_otp");
        long events = Sql.count("SELECT count(*) FROM transfer_otp_event");
        long keys = Sql.count("SELECT count(*) FROM idempotency_record");
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (String body : bodies) {
            HttpResponse<String> response = api.post("/v1/transfer-otps", ApiCalls.merchant(), body,
                    Map.of("Idempotency-Key", "hostile-otp-" + i++));
            expect4xxNamingField(failures, body, response);
        }
        assertEquals(List.of(), failures, failures.size() + " of " + bodies.size());
        assertTrue(i >= 200, "only " + i + " bodies sent");
        assertEquals(otps, Sql.count("SELECT count(*) FROM transfer_otp"));
        assertEquals(events, Sql.count("SELECT count(*) FROM transfer_otp_event"));
        assertEquals(keys, Sql.count("SELECT count(*) FROM idempotency_record"));
    }

    @Test
    void callbackWebhooksAnswerHostileBodiesWithout5xxAndNoQrChanges() throws Exception {
        for (String provider : List.of("aop", "bos", "oqpay")) {
            String referenceField = provider.equals("oqpay") ? "txnId" : "txnRefranceID";
            Map<String, String> valid = new LinkedHashMap<>();
            valid.put("eventId", "\"EVT-ID\"");
            valid.put("event", "\"payment.success\"");
            valid.put(referenceField, "\"HOST-REF\"");
            valid.put("amount", "\"10.00\"");
            valid.put("paymentId", "\"PAY-ID\"");
            valid.put("utr", "\"412345678901\"");
            Map<String, List<String>> wrong = new LinkedHashMap<>();
            for (String field : valid.keySet()) {
                wrong.put(field, NOT_A_STRING);
            }
            wrong.put("amount", List.of("0", "-10", "\"0\"", "\"-10.00\"", "\"10.001\"", "\"1e3\"", "\"ten\"", "true",
                    "[]", "{}", "1e400", "\"99999999999999999999999\"", "92233720368547758.07"));
            wrong.put("event", List.of("\"qr.closed\"", "\"refund\"", "123", "true", "[]", "{}"));
            List<String> bodies = HostileBodies.forObject(valid, wrong, java.util.Set.of());
            String reference = createActiveQr(provider.toUpperCase(java.util.Locale.ROOT));
            for (String amount : List.of("0", "-10", "\"-1\"", "\"10.001\"", "1e400", "\"99999999999999999999999\"",
                    "{}", "[]", "true", "\"\"")) {
                bodies.add(HostileBodies.object(valid, "amount", amount).replace("HOST-REF", reference));
            }
            bodies.add(HostileBodies.object(valid, "paymentId", "\"" + "P".repeat(300) + "\"").replace("HOST-REF", reference));
            bodies.add(HostileBodies.object(valid, "utr", "\"" + "U".repeat(300) + "\"").replace("HOST-REF", reference));
            bodies.add(HostileBodies.object(valid, "eventId", "\"" + "E".repeat(300) + "\"").replace("HOST-REF", reference));
            bodies.add(HostileBodies.object(valid, "paymentId", "\"nul\\u0000\"").replace("HOST-REF", reference));
            bodies.add(HostileBodies.object(valid, "eventId", "\"nul\\u0000\"").replace("HOST-REF", reference));
            bodies.add(HostileBodies.object(valid, "utr", "\"nul\\u0000\"").replace("HOST-REF", reference));
            assertTrue(bodies.size() >= 200, provider + ": only " + bodies.size() + " bodies");
            exerciseWebhook("/v1/webhooks/" + provider, "X-Payorch-Signature", "X-Payorch-Event-Id", bodies);
        }
    }

    @Test
    void razorpayWebhookAnswersHostileBodiesWithout5xxAndNoQrChanges() throws Exception {
        String reference = createActiveQr("RAZORPAY");
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("entity", "\"event\"");
        valid.put("event", "\"qr_code.credited\"");
        valid.put("payload", payload("HOST-REF", "\"PAY-ID\"", "1000", "\"412345678901\""));
        valid.put("created_at", "1700000000");
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("entity", NOT_A_STRING);
        wrong.put("event", List.of("\"qr_code.closed\"", "\"payment.captured\"", "123", "true", "[]", "{}", "null"));
        wrong.put("payload", List.of("\"x\"", "1", "[]", "true", "{}", "{\"payment\":1}", "{\"payment\":{\"entity\":[]}}",
                "{\"payment\":{\"entity\":{}}}", "{\"qr_code\":{\"entity\":{\"id\":[]}}}"));
        wrong.put("created_at", List.of("\"x\"", "[]", "{}", "1e400"));
        List<String> bodies = HostileBodies.forObject(valid, wrong, java.util.Set.of());
        List<String> amounts = List.of("0", "-100", "1.5", "\"abc\"", "1e400", "99999999999999999999999", "true", "[]",
                "{}", "\"\"", "9223372036854775808", "\"-0\"");
        for (String amount : amounts) {
            bodies.add(HostileBodies.object(valid, "payload", payload(reference, "\"PAY-ID\"", amount, "\"412345678901\"")));
        }
        for (String evil : List.of("\"" + "P".repeat(300) + "\"", "\"nul\\u0000\"", "[]", "{}", "[\"a\"]", "true")) {
            bodies.add(HostileBodies.object(valid, "payload", payload(reference, evil, "1000", "\"1\"")));
            bodies.add(HostileBodies.object(valid, "payload", payload(reference, "\"PAY-ID\"", "1000", evil)));
            bodies.add(HostileBodies.object(valid, "payload", payload(evil.replace("\"", ""), "\"PAY-ID\"", "abc", "\"1\"")));
        }
        for (String evil : List.of("'; DROP TABLE qr_payment; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
                "../../etc/passwd", "\\r\\nX-Injected: 1", "\\u202Eevil", "{{7*7}}", "$(id)", "\ud83d\ude00", " ", "",
                "\\t", "%00", "\\u0007")) {
            for (String amount : List.of("1000", "\"1000\"", "-5")) {
                bodies.add(HostileBodies.object(valid, "payload", payload("HOST-REF", "\"" + evil + "\"", amount, "\"1\"")));
                bodies.add(HostileBodies.object(valid, "payload", payload("HOST-REF", "\"PAY-ID\"", amount, "\"" + evil + "\"")));
                bodies.add(HostileBodies.object(valid, "payload", payload(evil, "\"PAY-ID\"", amount, "\"1\"")));
            }
        }
        bodies.add(HostileBodies.object(valid, "payload", "{\"qr_code\":{\"entity\":{\"id\":\"" + reference
                + "\",\"close_reason\":\"" + "r".repeat(300) + "\"}}}").replace("qr_code.credited", "qr_code.closed")
                .replace(reference, "HOST-REF"));
        assertTrue(bodies.size() >= 200, "only " + bodies.size() + " bodies");
        exerciseWebhook("/v1/webhooks/razorpay", "X-Razorpay-Signature", "X-Razorpay-Event-Id", bodies);
    }

    @Test
    void aSignedNotificationWithAnUnreadableFieldNamesIt() {
        String body = "{\"eventId\":\"EVT-FIELD\",\"txnRefranceID\":\"HOST-REF\",\"amount\":\"10.00\",\"paymentId\":[1]}";
        HttpResponse<String> response = api.post("/v1/webhooks/aop", null, body,
                Map.of("X-Payorch-Signature", sign(WEBHOOK_SECRET, body)));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"malformed_notification\""), response.body());
        assertTrue(response.body().contains("\"field\":\"paymentId\""), response.body());
        String notJson = "not json";
        HttpResponse<String> unreadable = api.post("/v1/webhooks/aop", null, notJson,
                Map.of("X-Payorch-Signature", sign(WEBHOOK_SECRET, notJson)));
        assertEquals(400, unreadable.statusCode(), unreadable.body());
    }

    private static String payload(String qrReference, String paymentId, String amount, String rrn) {
        return "{\"payment\":{\"entity\":{\"id\":" + paymentId + ",\"amount\":" + amount + ",\"currency\":\"INR\","
                + "\"acquirer_data\":{\"rrn\":" + rrn + "}}},\"qr_code\":{\"entity\":{\"id\":\"" + qrReference
                + "\",\"notes\":{}}}}";
    }

    /**
     * Each body unsigned (401, nothing stored), with a wrong signature (401), then signed: never 5xx,
     * a refused one stores nothing, and no QR changes whatever the answer.
     */
    private void exerciseWebhook(String path, String signatureHeader, String eventHeader, List<String> bodies)
            throws Exception {
        String qrsBefore = qrSnapshot();
        List<String> failures = new ArrayList<>();
        int i = 0;
        String run = Long.toString(System.nanoTime(), 36);
        for (String template : bodies) {
            i++;
            String body = template.replace("EVT-ID", "EVT-" + run + "-" + i).replace("PAY-ID", "PAY-" + run + "-" + i);
            long stored = webhookRows();
            HttpResponse<String> unsigned = api.post(path, null, body, Map.of(eventHeader, "evt-" + i));
            if (unsigned.statusCode() != 401 && unsigned.statusCode() != 413) {
                failures.add("unsigned " + unsigned.statusCode() + " for " + abbreviate(body));
            }
            HttpResponse<String> wrongSecret = api.post(path, null, body,
                    Map.of(signatureHeader, sign("not-the-secret", body), eventHeader, "evt-" + i));
            if (wrongSecret.statusCode() != 401 && wrongSecret.statusCode() != 413) {
                failures.add("wrong secret " + wrongSecret.statusCode() + " for " + abbreviate(body));
            }
            if (webhookRows() != stored) {
                failures.add("unsigned request stored rows: " + abbreviate(body));
            }
            HttpResponse<String> signed = api.post(path, null, body,
                    Map.of(signatureHeader, sign(WEBHOOK_SECRET, body)));
            int status = signed.statusCode();
            if (status >= 500 || status < 200 || (status >= 300 && status < 400) || status == 401) {
                failures.add("signed " + status + " for " + abbreviate(body) + " -> " + abbreviate(signed.body()));
            } else if (status >= 400 && webhookRows() != stored) {
                failures.add("refused (" + status + ") but stored rows: " + abbreviate(body));
            } else if (status == 200 && !signed.body().matches(".*\"outcome\":\"(ignored|unmatched|flagged|duplicate)\".*")) {
                failures.add("signed 200 " + abbreviate(signed.body()) + " for " + abbreviate(body));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + bodies.size() + " on " + path);
        assertEquals(qrsBefore, qrSnapshot(), "a hostile notification changed a QR");
    }

    @Test
    void closingWithOddIdsAndBodiesIsNever5xx() throws Exception {
        String qr = createActiveQrId("AOP");
        List<String> ids = List.of("nope", "qr_" + "x".repeat(3000), "%00", "nul%00id", "..%2F..%2Fetc", "%27%3B%20DROP%20TABLE",
                "%F0%9F%98%80", "%E2%80%AE", "%C0%AF", "%FF%FE", "a%20b", "null", "0", "-1", "%25", "%0D%0AX-Injected:%201",
                URLEncoder.encode("${jndi:ldap://127.0.0.1/a}", StandardCharsets.UTF_8), "qr_" + "%00".repeat(30));
        List<String> bodies = List.of("", "{", "[]", "{\"reason\":\"x\"}", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "\"" + "x".repeat(70_000) + "\"", "null");
        String before = qrSnapshot();
        List<String> failures = new ArrayList<>();
        for (String prefix : List.of("/v1/qr-codes/", "/admin/qr-codes/")) {
            String authorization = prefix.startsWith("/admin") ? ApiCalls.admin() : ApiCalls.merchant();
            for (String id : ids) {
                for (String body : bodies) {
                    HttpResponse<String> response = api.post(prefix + id + "/close", authorization, body, Map.of());
                    int status = response.statusCode();
                    if (status < 400 || status >= 500) {
                        failures.add(status + " for " + abbreviate(prefix + id) + " with " + abbreviate(body) + " -> "
                                + abbreviate(response.body()));
                    }
                }
            }
            // a real id with a hostile body: the body is not read, the QR is left alone only if refused
            HttpResponse<String> odd = api.post(prefix + qr + "/close?x=%00", authorization, "{\"a\":[[[", Map.of());
            if (odd.statusCode() >= 500) {
                failures.add(odd.statusCode() + " for a real id with a broken body -> " + abbreviate(odd.body()));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " failures");
        String after = qrSnapshot();
        if (!after.equals(before)) {
            // the only change allowed: the real QR closed once (the body is not part of the close contract)
            assertEquals(1, Sql.count("SELECT count(*) FROM qr_intent WHERE id = ? AND status = 'CLOSED'", qr));
            assertEquals(1, Sql.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'CLOSED'", qr));
        }
    }

    private String createActiveQr(String provider) throws SQLException {
        String id = createActiveQrId(provider);
        try (Connection c = Sql.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT provider_reference FROM qr_intent WHERE id = '" + id + "'")) {
            assertTrue(r.next());
            return r.getString(1);
        }
    }

    private String createActiveQrId(String provider) {
        String customer = ",\"customer\":{\"name\":\"Asha Rao\",\"mobile\":\"9876543210\",\"email\":\"asha@example.com\"}";
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"HOST-WH\",\"amount\":\"500.00\",\"provider\":\"" + provider + "\"" + customer
                        + "}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"status\":\"ACTIVE\""), created.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertTrue(m.find());
        return m.group(1);
    }

    private static String qrSnapshot() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = Sql.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, status, payments_count, payments_total_paise, version,"
                     + " (SELECT count(*) FROM qr_intent_event e WHERE e.qr_id = q.id) FROM qr_intent q ORDER BY id")) {
            while (r.next()) {
                all.append(r.getString(1)).append(' ').append(r.getString(2)).append(' ').append(r.getLong(3))
                        .append(' ').append(r.getLong(4)).append(' ').append(r.getLong(5)).append(' ')
                        .append(r.getLong(6)).append('\n');
            }
        }
        return all.toString();
    }

    /**
     * Requests without a body: a server that refuses a request before reading its body closes the
     * connection with bytes unread, and the client may then see a reset instead of the answer.
     * Oversized bodies (413) are among {@link HostileBodies}.
     */
    @Test
    void oversizedUrlsAndHeadersSayWhichPartIsTooLong() {
        String longValue = "a".repeat(5_000);
        HttpResponse<String> longUrl = api.get("/admin/qr-codes?registrationId=" + longValue, ApiCalls.admin());
        assertEquals(414, longUrl.statusCode(), longUrl.body());
        assertTrue(longUrl.body().contains("\"code\":\"uri_too_long\""), longUrl.body());
        assertTrue(!longUrl.body().contains(longValue.substring(0, 100)), "the URL is not echoed");

        HttpResponse<String> bigHeader = api.get("/admin/qr-codes", ApiCalls.admin(), Map.of("X-Padding", "b".repeat(9_000)));
        assertEquals(431, bigHeader.statusCode(), bigHeader.body());
        assertTrue(bigHeader.body().contains("\"code\":\"headers_too_large\""), bigHeader.body());
    }

    private static long webhookRows() {
        return Sql.count("SELECT (SELECT count(*) FROM webhook_event) + (SELECT count(*) FROM qr_payment)");
    }

    private static void expect4xxNamingField(List<String> failures, String body, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            failures.add(status + " for " + abbreviate(body) + " -> " + abbreviate(response.body()));
        } else if (status == 400 && !response.body().contains("\"field\":")) {
            failures.add("400 without a field for " + abbreviate(body) + " -> " + abbreviate(response.body()));
        }
    }

    static String sign(String secret, String body) {
        return HmacSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
