package io.payorch.bootstrap.admin;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API over HTTP on PostgreSQL: search and keyset pages, details, OTPs, stats, providers. */
@MicronautTest(environments = "sandbox")
class AdminApiTest extends ApiTestSupport {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        // the OTPs inserted below are past their expiry: no scheduled sweep may expire them mid-test
        return withoutScheduledSweep("payorch.providers.razorpay.password", "rzp-key-secret-DO-NOT-SHOW",
                "payorch.providers.razorpay.username", "rzp_test_keyid",
                "payorch.providers.razorpay.base-url", "https://keyid:inline-secret@api.razorpay.example/v1?token=abc",
                "payorch.providers.oqpay.headers.X-Api-Key", "oqpay-header-secret");
    }

    @Test
    void walksAThousandQrsInPagesOf37WhileNewOnesArriveSeeingEachOldOneExactlyOnce() throws Exception {
        String registrationId = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        Set<String> old = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = "qr_page_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            old.add(id);
            // three QRs share each instant: the id must break the ties
            rows.add(new Object[]{id, base.minusSeconds(i / 3)});
        }
        insertQrs(registrationId, "ACTIVE", rows);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/admin/qr-codes?limit=37&registrationId=" + registrationId
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Map<String, Object> page = read(api.get(path, ApiCalls.admin()), 200);
            List<Map<String, Object>> items = items(page);
            assertTrue(items.size() <= 37);
            items.forEach(q -> seen.add((String) q.get("id")));
            cursor = (String) page.get("nextCursor");
            pages++;
            // meanwhile other instances keep creating QRs, some in the very same microsecond
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            insertQrs(registrationId, "PENDING", List.of(
                    new Object[]{"qr_new_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), now},
                    new Object[]{"qr_new_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), now}));
        } while (cursor != null && pages < 100);

        List<String> oldSeen = seen.stream().filter(old::contains).toList();
        assertEquals(1000, oldSeen.size(), "each old QR once");
        assertEquals(old, new HashSet<>(oldSeen));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no QR twice");
        assertEquals(28, pages, "1000 / 37 rounded up");
    }

    @Test
    void filtersByStatusProviderAndCreationTimeAndRefusesBadParameters() throws Exception {
        String registrationId = "FILTER-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        insertQrs(registrationId, "ACTIVE", List.<Object[]>of(new Object[]{"qr_f_a1_" + registrationId, t},
                new Object[]{"qr_f_a2_" + registrationId, t.plusSeconds(60)}));
        insertQrs(registrationId, "EXPIRED", List.<Object[]>of(new Object[]{"qr_f_e1_" + registrationId, t.plusSeconds(120)}));

        assertEquals(List.of("qr_f_a2_" + registrationId, "qr_f_a1_" + registrationId),
                ids(api.get("/admin/qr-codes?status=ACTIVE&registrationId=" + registrationId, ApiCalls.admin())));
        assertEquals(List.of("qr_f_e1_" + registrationId),
                ids(api.get("/admin/qr-codes?status=EXPIRED&provider=AOP&registrationId=" + registrationId, ApiCalls.admin())));
        assertEquals(List.of(), ids(api.get("/admin/qr-codes?provider=BOS&registrationId=" + registrationId, ApiCalls.admin())));
        assertEquals(List.of("qr_f_a2_" + registrationId), ids(api.get("/admin/qr-codes?registrationId=" + registrationId
                + "&createdFrom=" + t.plusSeconds(60) + "&createdTo=" + t.plusSeconds(120), ApiCalls.admin())));

        assertBadParameter("/admin/qr-codes?status=SOMETIMES", "status");
        assertBadParameter("/admin/qr-codes?provider=PAYPAL", "provider");
        assertBadParameter("/admin/qr-codes?limit=201", "limit");
        assertBadParameter("/admin/qr-codes?limit=0", "limit");
        assertBadParameter("/admin/qr-codes?limit=ten", "limit");
        assertBadParameter("/admin/qr-codes?cursor=not-a-cursor", "cursor");
        assertBadParameter("/admin/qr-codes?createdFrom=yesterday", "createdFrom");
        assertBadParameter("/admin/transfer-otps?status=SENT", "status");
    }

    @Test
    void showsAQrWithItsEventsAndProviderAttempts() throws Exception {
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"ADMIN-DETAIL\",\"amount\":\"12.00\",\"provider\":\"AOP\"}", Map.of());
        String id = (String) read(created, 201).get("id");

        Map<String, Object> detail = read(api.get("/admin/qr-codes/" + id, ApiCalls.admin()), 200);
        assertEquals(id, detail.get("id"));
        assertEquals("ACTIVE", detail.get("status"));
        assertEquals("12.00", detail.get("amount"));
        List<Map<String, Object>> events = list(detail, "events");
        assertEquals(2, events.size());
        assertNull(events.get(0).get("from"));
        assertEquals("PENDING", events.get(0).get("to"));
        assertEquals("ACTIVE", events.get(1).get("to"));
        assertNotNull(events.get(1).get("at"));
        assertNotNull(events.get(1).get("source"));
        List<Map<String, Object>> attempts = list(detail, "attempts");
        assertEquals(1, attempts.size());
        assertEquals("AOP", attempts.get(0).get("provider"));
        assertEquals("accepted", attempts.get(0).get("outcome"));

        HttpResponse<String> missing = api.get("/admin/qr-codes/qr_does_not_exist", ApiCalls.admin());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("\"code\":\"not_found\""));
    }

    @Test
    void listsAndShowsTransferOtpsWithMaskedMobilesOnly() throws Exception {
        String registrationId = "OTP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        String hash = "a".repeat(64);
        for (int i = 0; i < 5; i++) {
            String id = "otp_" + registrationId + "_" + i;
            Sql.update("INSERT INTO transfer_otp (id, registration_id, remitter_mobile_masked, remitter_mobile_hash,"
                            + " beneficiary_id, transfer_type, amount_paise, status, provider_state, sent_at, expires_at,"
                            + " failure_reason, created_at, updated_at, version) VALUES (?, ?, '98XXXXXX10', ?, 'BEN-1', 'IMPS',"
                            + " 150000, ?, 'OTP sent', ?, ?, NULL, ?, ?, 1)",
                    id, registrationId, hash, i % 2 == 0 ? "OTP_SENT" : "EXPIRED", Timestamp.from(t.plusSeconds(i)),
                    Timestamp.from(t.plusSeconds(90 + i)), Timestamp.from(t.plusSeconds(i)), Timestamp.from(t.plusSeconds(i)));
            Sql.update("INSERT INTO transfer_otp_event (otp_id, from_status, to_status, at, reason, source)"
                    + " VALUES (?, NULL, 'PENDING', ?, 'requested', 'api')", id, Timestamp.from(t.plusSeconds(i)));
            Sql.update("INSERT INTO transfer_otp_event (otp_id, from_status, to_status, at, reason, source)"
                    + " VALUES (?, 'PENDING', 'OTP_SENT', ?, 'response_code 1', 'provider')", id, Timestamp.from(t.plusSeconds(i)));
        }

        Map<String, Object> first = read(api.get("/admin/transfer-otps?limit=2&registrationId=" + registrationId,
                ApiCalls.admin()), 200);
        assertEquals(List.of("otp_" + registrationId + "_4", "otp_" + registrationId + "_3"),
                items(first).stream().map(o -> o.get("id")).toList());
        Map<String, Object> second = read(api.get("/admin/transfer-otps?limit=2&registrationId=" + registrationId
                + "&cursor=" + first.get("nextCursor"), ApiCalls.admin()), 200);
        assertEquals(List.of("otp_" + registrationId + "_2", "otp_" + registrationId + "_1"),
                items(second).stream().map(o -> o.get("id")).toList());
        assertEquals(List.of("otp_" + registrationId + "_4", "otp_" + registrationId + "_2", "otp_" + registrationId + "_0"),
                ids(api.get("/admin/transfer-otps?status=OTP_SENT&registrationId=" + registrationId, ApiCalls.admin())));

        HttpResponse<String> detailResponse = api.get("/admin/transfer-otps/otp_" + registrationId + "_0", ApiCalls.admin());
        Map<String, Object> detail = read(detailResponse, 200);
        assertEquals("98XXXXXX10", detail.get("remitterMobile"));
        assertEquals("1500.00", detail.get("amount"));
        assertEquals("IMPS", detail.get("transferType"));
        assertEquals("OTP sent", detail.get("providerState"));
        assertEquals(2, list(detail, "events").size());
        assertFalse(detailResponse.body().contains(hash), "the keyed hash never leaves the database");
        assertEquals(404, api.get("/admin/transfer-otps/otp_nope", ApiCalls.admin()).statusCode());
    }

    @Test
    void statsCountByProviderAndStatusAsTheDatabaseDoes() throws Exception {
        insertQrs("STATS-" + UUID.randomUUID().toString().substring(0, 8), "CLOSED",
                List.<Object[]>of(new Object[]{"qr_stats_" + UUID.randomUUID().toString().substring(0, 8), Instant.now()}));
        Map<String, Object> stats = read(api.get("/admin/stats", ApiCalls.admin()), 200);
        List<Map<String, Object>> qrs = list(stats, "qrs");
        long closed = qrs.stream().filter(c -> "AOP".equals(c.get("provider")) && "CLOSED".equals(c.get("status")))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
        assertEquals(Sql.count("SELECT count(*) FROM qr_intent WHERE provider = 'AOP' AND status = 'CLOSED'"), closed);
        long total = qrs.stream().mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
        assertEquals(Sql.count("SELECT count(*) FROM qr_intent"), total);
        assertNotNull(stats.get("transferOtps"));
        assertTrue(stats.containsKey("lastSweep"));
    }

    @Test
    void providersShowSettingsAndRecentOutcomesButNeverASecret() throws Exception {
        api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"PROV-1\",\"amount\":\"5\",\"provider\":\"AOP\"}",
                Map.of());
        HttpResponse<String> response = api.get("/admin/providers", ApiCalls.admin());
        assertEquals(200, response.statusCode());
        List<Map<String, Object>> providers = json.readValue(response.body(), Argument.listOf(JSON));
        assertEquals(List.of("aop", "oqpay", "bos", "razorpay", "dmt"), providers.stream().map(p -> p.get("name")).toList());
        Map<String, Object> aop = providers.get(0);
        assertEquals(true, aop.get("enabled"));
        assertTrue(((String) aop.get("baseUrl")).endsWith("/sandbox/aop"), aop.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> outcomes = (Map<String, Object>) aop.get("recentOutcomes");
        assertTrue(((Number) outcomes.get("accepted")).longValue() >= 1, outcomes.toString());
        assertNotNull(aop.get("lastCallAt"));
        Map<String, Object> razorpay = providers.get(3);
        assertEquals("https://api.razorpay.example/v1", razorpay.get("baseUrl"));
        assertTrue(((String) razorpay.get("authMode")).contains("basic"));
        assertTrue(((String) providers.get(1).get("authMode")).toLowerCase().contains("x-api-key"), providers.get(1).toString());
        for (String secret : List.of("rzp-key-secret-DO-NOT-SHOW", "inline-secret", "token=abc", "oqpay-header-secret")) {
            assertFalse(response.body().contains(secret), secret);
        }
    }

    @Test
    void sweepsRunOnDemandAndAnswerWhatTheyExpired() throws IOException {
        String tag = "SWEEP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant past = Instant.now().minus(5, ChronoUnit.MINUTES);
        for (int i = 0; i < 2; i++) {
            Sql.update("INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status, expires_at,"
                    + " created_at, updated_at, version) VALUES (?, ?, 'AOP', 1000, 'single_use', 'ACTIVE', ?, ?, ?, 1)",
                    "qr_" + tag + "_" + i, tag, Timestamp.from(past), Timestamp.from(past), Timestamp.from(past));
        }
        Sql.update("INSERT INTO transfer_otp (id, registration_id, remitter_mobile_masked, remitter_mobile_hash,"
                + " beneficiary_id, transfer_type, amount_paise, status, sent_at, expires_at, created_at, updated_at,"
                + " version) VALUES (?, ?, '98XXXXXX10', ?, 'BEN-1', 'IMPS', 150000, 'OTP_SENT', ?, ?, ?, ?, 1)",
                "otp_" + tag, tag, "b".repeat(64), Timestamp.from(past), Timestamp.from(past.plusSeconds(90)),
                Timestamp.from(past), Timestamp.from(past));
        long dueQrs = Sql.count("SELECT count(*) FROM qr_intent WHERE status = 'ACTIVE' AND expires_at <= now()");
        long dueOtps = Sql.count("SELECT count(*) FROM transfer_otp WHERE status IN ('OTP_SENT', 'REGISTRATION_OTP_SENT')"
                + " AND expires_at <= now()");
        assertTrue(dueQrs >= 2 && dueOtps >= 1);

        Map<String, Object> result = read(api.post("/admin/sweeps", ApiCalls.admin(), "", Map.of()), 200);

        assertEquals(dueQrs, ((Number) result.get("qrsExpired")).longValue(), result.toString());
        assertEquals(dueOtps, ((Number) result.get("otpsExpired")).longValue(), result.toString());
        assertEquals(0, ((Number) result.get("failedBatches")).intValue(), result.toString());
        assertEquals(2, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'EXPIRED'", tag));
        assertEquals("EXPIRED", Sql.query("SELECT status FROM transfer_otp WHERE id = ?", "otp_" + tag));
        Map<String, Object> again = read(api.post("/admin/sweeps", ApiCalls.admin(), "", Map.of()), 200);
        assertEquals(0, ((Number) again.get("qrsExpired")).intValue(), "nothing is expired twice: " + again);
        assertEquals(0, ((Number) again.get("otpsExpired")).intValue(), again.toString());
        assertEquals(403, api.post("/admin/sweeps", ApiCalls.merchant(), "", Map.of()).statusCode());
    }

    private void assertBadParameter(String path, String field) {
        HttpResponse<String> response = api.get(path, ApiCalls.admin());
        assertEquals(400, response.statusCode(), path + " " + response.body());
        assertTrue(response.body().contains("\"field\":\"" + field + "\""), response.body());
    }

    private List<String> ids(HttpResponse<String> response) throws IOException {
        return items(read(response, 200)).stream().map(q -> (String) q.get("id")).toList();
    }

    private Map<String, Object> read(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        return json.readValue(response.body(), JSON);
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return list(page, "items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    static void insertQrs(String registrationId, String status, List<Object[]> idAndCreatedAt) throws SQLException {
        try (Connection c = Sql.connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status, created_at, updated_at,"
                        + " version) VALUES (?, ?, 'AOP', 1000, 'single_use', ?, ?, ?, 1)")) {
            for (Object[] row : idAndCreatedAt) {
                s.setString(1, (String) row[0]);
                s.setString(2, registrationId);
                s.setString(3, status);
                s.setTimestamp(4, Timestamp.from((Instant) row[1]));
                s.setTimestamp(5, Timestamp.from((Instant) row[1]));
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
