package io.payorch.bootstrap.security;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two merchants over real HTTP on PostgreSQL: each sees only its own QRs and transfer OTPs; the
 * other's ids answer exactly like ids that do not exist, and nothing changes.
 */
@MicronautTest(environments = "sandbox")
class MerchantIsolationTest extends PostgresTestSupport {

    private static final String ACME = ApiCalls.basic("acme", "acme-secret");
    private static final String GLOBEX = ApiCalls.basic("globex", "globex-secret");

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private ApiCalls api;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.security.merchants.acme.secret", "acme-secret",
                "payorch.security.merchants.globex.secret", "globex-secret");
    }

    @BeforeEach
    void connect() {
        api = new ApiCalls(URI.create("http://localhost:" + server.getPort()));
    }

    @Test
    void anotherMerchantsQrIsNotFoundOnEveryPathAndNothingChanges() throws Exception {
        String id = createQr(ACME, "AOP-ISO-1", null);
        String before = Sql.query("SELECT status || '/' || version FROM qr_intent WHERE id = ?", id);
        int eventsBefore = events(id);

        for (String path : List.of("/v1/qr-codes/" + id, "/v1/qr-codes/" + id + "/image.png",
                "/v1/qr-codes/" + id + "/image.svg")) {
            assertSameAsUnknown(api.get(path, GLOBEX), api.get(path.replace(id, "qr_does_not_exist"), GLOBEX));
        }
        assertSameAsUnknown(api.post("/v1/qr-codes/" + id + "/close", GLOBEX, "", Map.of()),
                api.post("/v1/qr-codes/qr_does_not_exist/close", GLOBEX, "", Map.of()));

        assertEquals(before, Sql.query("SELECT status || '/' || version FROM qr_intent WHERE id = ?", id));
        assertEquals(eventsBefore, events(id));
        assertEquals(200, api.get("/v1/qr-codes/" + id, ACME).statusCode());
        assertEquals(200, api.get("/v1/qr-codes/" + id + "/image.png", ACME).statusCode());
        assertEquals(200, api.post("/v1/qr-codes/" + id + "/close", ACME, "", Map.of()).statusCode());
    }

    @Test
    void anotherMerchantsTransferOtpIsNotFound() throws Exception {
        HttpResponse<String> sent = api.post("/v1/transfer-otps", ACME, "{\"registrationId\":\"AOP-ISO-OTP\","
                + "\"remitterMobile\":\"9876543210\",\"beneficiaryId\":\"60600077\",\"transferType\":\"IMPS\","
                + "\"amount\":\"100\",\"pincode\":\"110001\",\"address\":\"1 Main Road, Delhi\","
                + "\"dateOfBirth\":\"1990-01-01\",\"latitude\":\"28.6139\",\"longitude\":\"77.2090\"}",
                Map.of("Content-Type", "application/json"));
        assertEquals(201, sent.statusCode(), sent.body());
        String id = (String) map(sent.body()).get("id");

        assertSameAsUnknown(api.get("/v1/transfer-otps/" + id, GLOBEX),
                api.get("/v1/transfer-otps/otp_does_not_exist", GLOBEX));
        assertEquals(200, api.get("/v1/transfer-otps/" + id, ACME).statusCode());
    }

    @Test
    void theSameIdempotencyKeyFromTwoMerchantsMakesTwoQrs() throws Exception {
        String key = "order-" + UUID.randomUUID();
        String acmeQr = createQr(ACME, "AOP-ISO-KEY", key);
        String globexQr = createQr(GLOBEX, "AOP-ISO-KEY", key);
        assertNotEquals(acmeQr, globexQr);
        assertEquals("acme", Sql.query("SELECT merchant_id FROM qr_intent WHERE id = ?", acmeQr));
        assertEquals("globex", Sql.query("SELECT merchant_id FROM qr_intent WHERE id = ?", globexQr));
        // each merchant's replay answers its own QR; neither can reach the other's through the key
        assertEquals(acmeQr, createQr(ACME, "AOP-ISO-KEY", key));
        assertEquals(globexQr, createQr(GLOBEX, "AOP-ISO-KEY", key));
    }

    @Test
    void adminListsFilterByMerchantAndStatsPerMerchantAddUpToTheTotals() throws Exception {
        String registration = "AOP-ISO-ADM-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> acme = Set.of(createQr(ACME, registration, null), createQr(ACME, registration, null));
        Set<String> globex = Set.of(createQr(GLOBEX, registration, null));

        assertEquals(acme, adminIds("/admin/qr-codes?registrationId=" + registration + "&merchant=acme"));
        assertEquals(globex, adminIds("/admin/qr-codes?registrationId=" + registration + "&merchant=globex"));
        Map<String, Object> one = map(api.get("/admin/qr-codes?registrationId=" + registration + "&merchant=globex",
                ApiCalls.admin()).body());
        assertEquals("globex", ((Map<?, ?>) ((List<?>) one.get("items")).get(0)).get("merchant"));

        HttpResponse<String> bad = api.get("/admin/qr-codes?merchant=a%20b", ApiCalls.admin());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"field\":\"merchant\""), bad.body());

        long total = qrCount(null);
        long perMerchant = 0;
        for (String merchant : Sql.list("SELECT DISTINCT merchant_id FROM qr_intent WHERE merchant_id IS NOT NULL")) {
            perMerchant += qrCount(merchant);
        }
        long unowned = Long.parseLong(Sql.query("SELECT count(*) FROM qr_intent WHERE merchant_id IS NULL"));
        assertEquals(total, perMerchant + unowned);
        assertEquals("acme", map(api.get("/admin/stats?merchant=acme", ApiCalls.admin()).body()).get("merchant"));
        assertTrue(qrCount("acme") >= 2);
    }

    @Test
    void aQrRecordedBeforeOwnershipIsSeenByAdminsOnlyUntilAssigned() throws Exception {
        String id = createQr(ACME, "AOP-ISO-LEGACY", null);
        Sql.update("UPDATE qr_intent SET merchant_id = NULL WHERE id = ?", id);

        assertEquals(404, api.get("/v1/qr-codes/" + id, ACME).statusCode());
        Map<String, Object> detail = map(api.get("/admin/qr-codes/" + id, ApiCalls.admin()).body());
        assertNull(detail.get("merchant"));

        // the assignment the README documents for operators
        Sql.update("UPDATE qr_intent SET merchant_id = 'acme' WHERE merchant_id IS NULL AND id = ?", id);
        assertEquals(200, api.get("/v1/qr-codes/" + id, ACME).statusCode());
    }

    @Test
    void adminAndMerchantClosesNameTheirActors() throws Exception {
        String byMerchant = createQr(ACME, "AOP-ISO-ACTOR", null);
        String byAdmin = createQr(ACME, "AOP-ISO-ACTOR", null);
        assertEquals(200, api.post("/v1/qr-codes/" + byMerchant + "/close", ACME, "", Map.of()).statusCode());
        assertEquals(200, api.post("/admin/qr-codes/" + byAdmin + "/close", ApiCalls.admin(), "", Map.of()).statusCode());

        assertEquals(List.of("merchant:acme", "provider:AOP", "merchant:acme"), sources(byMerchant));
        assertEquals(List.of("merchant:acme", "provider:AOP", "admin:sandbox-admin"), sources(byAdmin));
    }

    private List<String> sources(String qrId) throws IOException {
        Map<String, Object> detail = map(api.get("/admin/qr-codes/" + qrId, ApiCalls.admin()).body());
        List<String> sources = new ArrayList<>();
        for (Object event : (List<?>) detail.get("events")) {
            sources.add((String) ((Map<?, ?>) event).get("source"));
        }
        return sources;
    }

    private long qrCount(String merchant) throws IOException {
        Map<String, Object> stats = map(api.get("/admin/stats" + (merchant == null ? "" : "?merchant=" + merchant),
                ApiCalls.admin()).body());
        long sum = 0;
        for (Object count : (List<?>) stats.get("qrs")) {
            sum += ((Number) ((Map<?, ?>) count).get("count")).longValue();
        }
        return sum;
    }

    private Set<String> adminIds(String path) throws IOException {
        HttpResponse<String> page = api.get(path, ApiCalls.admin());
        assertEquals(200, page.statusCode(), page.body());
        Set<String> ids = new java.util.HashSet<>();
        for (Object item : (List<?>) map(page.body()).get("items")) {
            ids.add((String) ((Map<?, ?>) item).get("id"));
        }
        return ids;
    }

    private String createQr(String authorization, String registrationId, String key) throws IOException {
        Map<String, String> headers = key == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Idempotency-Key", key);
        HttpResponse<String> created = api.post("/v1/qr-codes", authorization,
                "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", headers);
        assertTrue(created.statusCode() == 201, created.body());
        return (String) map(created.body()).get("id");
    }

    private static int events(String qrId) {
        return Integer.parseInt(Sql.query("SELECT count(*) FROM qr_intent_event WHERE qr_id = ?", qrId));
    }

    /** Same status, same content type, same problem fields but the id: existence is not disclosed. */
    private void assertSameAsUnknown(HttpResponse<String> other, HttpResponse<String> unknown) throws IOException {
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(unknown.statusCode(), other.statusCode(), other.body());
        assertEquals(unknown.headers().firstValue("Content-Type"), other.headers().firstValue("Content-Type"));
        Map<String, Object> a = map(other.body());
        Map<String, Object> b = map(unknown.body());
        assertEquals(b.keySet(), a.keySet());
        for (String field : b.keySet()) {
            if (!field.equals("detail") && !field.equals("instance")) {
                assertEquals(b.get(field), a.get(field), field);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String body) throws IOException {
        return json.readValue(body, Map.class);
    }
}
