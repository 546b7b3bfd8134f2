package io.payorch.bootstrap.webhooks;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.HostileBodies;
import io.payorch.bootstrap.support.WebhookTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.WebhookApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merchant endpoint API over real HTTP into PostgreSQL: CRUD, secrets shown only at creation
 * and rotation and stored sealed, ownership (another merchant's endpoint is a 404), hostile bodies.
 */
@MicronautTest(environments = "sandbox")
class WebhookEndpointsApiTest extends WebhookTestSupport {

    private static final String OTHER = ApiCalls.basic("other-merchant", "other-merchant-secret-0123456789");

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.security.merchants.other-merchant.secret", "other-merchant-secret-0123456789",
                "payorch.webhooks.dispatch.enabled", "false");
    }

    @AfterAll
    void cleanUp() {
        Sql.update("DELETE FROM webhook_endpoint WHERE url LIKE 'https://hooks.example.com/%'");
    }

    @Test
    void createShowsTheSecretOnceAndReadsNeverShowIt() {
        Map<String, Object> created = hooks.create("https://hooks.example.com/a", "[\"qr_code.paid\",\"transfer_otp.*\"]");
        String id = (String) created.get("id");
        String secret = (String) created.get("secret");
        assertTrue(id.startsWith("we_"), id);
        assertTrue(secret.startsWith("whsec_") && Base64.getDecoder().decode(secret.substring(6)).length >= 24, secret);
        assertEquals(List.of("qr_code.paid", "transfer_otp.*"), created.get("events"));
        assertEquals(true, created.get("enabled"));

        HttpResponse<String> read = api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant());
        assertEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains("whsec_") || read.body().contains("secret"), read.body());
        HttpResponse<String> list = api.get("/v1/webhook-endpoints?limit=200", ApiCalls.merchant());
        assertTrue(list.body().contains(id), list.body());
        assertFalse(list.body().contains("whsec_"), list.body());

        String stored = String.valueOf(Sql.count("SELECT count(*) FROM webhook_endpoint WHERE id = ? AND secret_sealed LIKE ?",
                id, "%" + secret.substring(6, 20) + "%"));
        assertEquals("0", stored, "the stored row shows the secret");
    }

    @Test
    void absentEventsMeanEveryTypeAndPatchChangesWhatItNames() {
        String id = (String) hooks.create("https://hooks.example.com/b", null).get("id");
        assertEquals(List.of("*"), hooks.read(api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).body()).get("events"));
        HttpResponse<String> patched = api.send("PATCH", "/v1/webhook-endpoints/" + id, ApiCalls.merchant(),
                "{\"enabled\":false,\"description\":\"paused\"}");
        assertEquals(200, patched.statusCode(), patched.body());
        Map<String, Object> view = hooks.read(patched.body());
        assertEquals(false, view.get("enabled"));
        assertEquals("merchant", view.get("disabledReason"));
        assertEquals("paused", view.get("description"));
        assertEquals("https://hooks.example.com/b", view.get("url"));
        Map<String, Object> again = hooks.read(api.send("PATCH", "/v1/webhook-endpoints/" + id, ApiCalls.merchant(),
                "{\"enabled\":true,\"events\":[\"qr_code.*\"]}").body());
        assertEquals(true, again.get("enabled"));
        assertNull(again.get("disabledReason"));
        assertEquals(List.of("qr_code.*"), again.get("events"));

        assertEquals(204, api.send("DELETE", "/v1/webhook-endpoints/" + id, ApiCalls.merchant(), null).statusCode());
        assertEquals(404, api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).statusCode());
    }

    @Test
    void anotherMerchantsEndpointIsNotFoundWhateverItDoes() {
        String id = (String) hooks.create("https://hooks.example.com/c", null).get("id");
        assertEquals(404, api.get("/v1/webhook-endpoints/" + id, OTHER).statusCode());
        assertEquals(404, api.send("PATCH", "/v1/webhook-endpoints/" + id, OTHER, "{\"enabled\":false}").statusCode());
        assertEquals(404, api.send("DELETE", "/v1/webhook-endpoints/" + id, OTHER, null).statusCode());
        assertEquals(404, api.post("/v1/webhook-endpoints/" + id + "/rotate-secret", OTHER, "", Map.of()).statusCode());
        assertEquals(404, api.get("/v1/webhook-endpoints/" + id + "/deliveries", OTHER).statusCode());
        assertEquals(404, api.post("/v1/webhook-endpoints/" + id + "/replay", OTHER,
                "{\"since\":\"2026-01-01T00:00:00Z\"}", Map.of()).statusCode());
        assertFalse(api.get("/v1/webhook-endpoints", OTHER).body().contains(id));
        String event = WebhookApi.insertEvent("sandbox-merchant", "qr_code.paid");
        assertEquals(404, api.get("/v1/events/" + event, OTHER).statusCode());
        assertEquals(200, api.get("/v1/events/" + event, ApiCalls.merchant()).statusCode());
        assertEquals(true, hooks.read(api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).body()).get("enabled"));
    }

    @Test
    void rotationAnswersANewSecret() {
        Map<String, Object> created = hooks.create("https://hooks.example.com/d", null);
        HttpResponse<String> rotated = api.post("/v1/webhook-endpoints/" + created.get("id") + "/rotate-secret",
                ApiCalls.merchant(), "", Map.of());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String secret = (String) hooks.read(rotated.body()).get("secret");
        assertTrue(secret.startsWith("whsec_"));
        assertNotEquals(created.get("secret"), secret);
    }

    @Test
    void eventsAreReadExactlyAsStoredAndListedInKeysetPages() {
        String first = WebhookApi.insertEvent("sandbox-merchant", "transfer_otp.sent");
        String second = WebhookApi.insertEvent("sandbox-merchant", "transfer_otp.sent");
        HttpResponse<String> one = api.get("/v1/events/" + first, ApiCalls.merchant());
        assertEquals(WebhookApi.payload(first), one.body());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = api.get("/v1/events?type=transfer_otp.sent&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor), ApiCalls.merchant());
            assertEquals(200, page.statusCode(), page.body());
            hooks.items(page.body()).forEach(e -> seen.add((String) e.get("id")));
            cursor = (String) hooks.read(page.body()).get("nextCursor");
        } while (cursor != null);
        assertTrue(seen.indexOf(second) < seen.indexOf(first) && seen.indexOf(second) >= 0, seen.toString());
        assertEquals(400, api.get("/v1/events?type=qr_code.nope", ApiCalls.merchant()).statusCode());
        assertEquals(400, api.get("/v1/events?cursor=garbage", ApiCalls.merchant()).statusCode());
    }

    @Test
    void hostileBodiesAreRefusedWith4xxAndWriteNothing() {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("url", "\"https://hooks.example.com/hostile\"");
        valid.put("events", "[\"qr_code.paid\"]");
        valid.put("description", "\"orders\"");
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("url", List.of("123", "true", "[]", "{}", "\"ftp://x.example/\"", "\"https://user:pw@x.example/\"",
                "\"/relative\"", "\"https://\"", "\"javascript:alert(1)\"", "\"https://x.example/#f\"",
                "\"https://" + "a".repeat(2100) + ".example/\"", "\"\""));
        wrong.put("events", List.of("\"qr_code.paid\"", "[]", "[1]", "[null]", "[\"qr_code.nope\"]", "[\"**\"]",
                "[\"qr_code.\"]", "{}", "true", "[[\"qr_code.paid\"]]", "[\"" + "x".repeat(300) + "\"]",
                "[" + "\"qr_code.paid\",".repeat(21) + "\"*\"]"));
        wrong.put("description", List.of("1", "true", "[]", "{}", "\"" + "d".repeat(501) + "\"", "\"a\\u0000b\"",
                "\"line\\nbreak\""));
        List<String> bodies = HostileBodies.forObject(valid, wrong, Set.of("description"));
        List<String> evil = List.of("'; DROP TABLE webhook_endpoint; --", "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "%00", "\\u0000", "\\r\\nX-Injected: 1", "\\u202Eevil",
                "{{7*7}}", "$(id)", "`id`", "\ud83d\ude00", " ", "\\t", "gopher://127.0.0.1:25/", "dict://x/",
                "http://[::1", "https://exa mple.com/", "https://example.com:99999/", "https://%41.example/",
                "data:text/plain,hi", "https://example.com/\\u0000", "//example.com/hook", "https:example.com",
                "HTTPS://", "https://.", "https://-/", "mailto:a@b.c", "http://", "https:///path", "ws://example.com/");
        for (String e : evil) {
            bodies.add(HostileBodies.object(valid, "url", "\"" + e + "\""));
            bodies.add(HostileBodies.object(valid, "events", "[\"" + e + "\"]"));
            bodies.add(HostileBodies.object(valid, "events", "[\"qr_code.paid\",\"" + e + "\"]"));
        }
        bodies.add("{\"url\":\"https://hooks.example.com/x\",\"enabled\":false}");
        bodies.add("{\"url\":\"https://hooks.example.com/x\",\"enabled\":\"yes\"}");
        // events and description are optional: their absent or null forms are valid requests
        bodies.removeIf(b -> b.matches("\\{\"url\":\"https://hooks.example.com/hostile\"(,\"events\":(null|\\[\"qr_code.paid\"\\]))?"
                + "(,\"description\":(null|\"orders\"))?}"));
        assertTrue(bodies.size() >= 200, "only " + bodies.size());
        long before = Sql.count("SELECT count(*) FROM webhook_endpoint");
        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> response = api.post("/v1/webhook-endpoints", ApiCalls.merchant(), body, Map.of());
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(response.statusCode() + " for " + body.substring(0, Math.min(120, body.length())));
            }
        }
        String id = (String) hooks.create("https://hooks.example.com/patch-target", null).get("id");
        for (String body : bodies.subList(0, 60)) {
            HttpResponse<String> response = api.send("PATCH", "/v1/webhook-endpoints/" + id, ApiCalls.merchant(), body);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " for PATCH " + body.substring(0, Math.min(120, body.length())));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + bodies.size());
        assertEquals(before + 1, Sql.count("SELECT count(*) FROM webhook_endpoint"));
        assertEquals("https://hooks.example.com/patch-target",
                hooks.read(api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).body()).get("url"));
    }
}
