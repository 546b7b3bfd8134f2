package io.payorch.bootstrap.webhooks;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.WebhookTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.StandardWebhooksVerifier;
import io.payorch.bootstrap.support.WebhookApi;
import io.payorch.bootstrap.support.WebhookReceiver;
import io.payorch.bootstrap.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries over real HTTP to a receiver in the test, which checks every signature with its own
 * verifier (not payorch's signer): signed and sent once, retried on the (shortened) schedule with
 * the same id and body, failed after the last retry, logged with every attempt, isolated from a
 * hanging endpoint, signed with both secrets while a rotation overlaps, retried and replayed on demand.
 */
@MicronautTest(environments = "sandbox")
class WebhookDeliveryTest extends WebhookTestSupport {

    private static final String MERCHANT = "sandbox-merchant";

    WebhookReceiver receiver;
    final List<String> endpoints = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.webhooks.retry-schedule", "300ms,300ms,300ms",
                "payorch.webhooks.poll-interval", "200ms", "payorch.webhooks.timeout", "2s",
                "payorch.webhooks.per-endpoint-concurrency", "4");
    }

    @BeforeAll
    void setUp() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    void tearDown() {
        endpoints.forEach(id -> Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", id));
        receiver.close();
    }

    /** An endpoint at the receiver's {@code path} subscribed to {@code type} only; answers (id, secret). */
    private String[] endpoint(String path, String type) {
        Map<String, Object> created = hooks.create(receiver.url(path), "[\"" + type + "\"]");
        endpoints.add((String) created.get("id"));
        return new String[]{(String) created.get("id"), (String) created.get("secret")};
    }

    private static boolean verified(Received r, String secret) {
        return StandardWebhooksVerifier.verify(secret, r.id(), r.timestamp(), r.signature(), r.body(),
                Instant.now().getEpochSecond());
    }

    @Test
    void anEventIsSignedAndDeliveredOnceWithItsStoredBody() {
        String[] endpoint = endpoint("/ok", "qr_code.paid");
        String event = WebhookApi.insertEvent(MERCHANT, "qr_code.paid");
        WebhookApi.insertEvent(MERCHANT, "qr_code.expired"); // not subscribed
        await(() -> !receiver.received("/ok").isEmpty(), Duration.ofSeconds(10), "the delivery");
        awaitLog(endpoint[0], event, "delivered");
        List<Received> got = receiver.received("/ok");
        assertEquals(1, got.size(), "exactly one request");
        Received r = got.get(0);
        assertEquals(event, r.id());
        assertEquals("application/json", r.contentType());
        assertArrayEquals(WebhookApi.payload(event).getBytes(StandardCharsets.UTF_8), r.body());
        assertTrue(verified(r, endpoint[1]), "signature " + r.signature());
        assertFalse(verified(r, hooks.create(receiver.url("/other"), "[\"qr_code.closed\"]").get("secret").toString()),
                "another secret must not verify");
        Map<String, Object> log = hooks.items(api.get("/v1/webhook-endpoints/" + endpoint[0] + "/deliveries",
                ApiCalls.merchant()).body()).get(0);
        assertEquals(event, log.get("eventId"));
        assertEquals("qr_code.paid", log.get("type"));
        assertEquals(1, log.get("attempts"));
        assertEquals(200, log.get("lastStatusCode"));
        assertEquals(null, log.get("nextAttemptAt"));
    }

    @Test
    void fiveHundredThreeTimesThenTwoHundredIsFourAttemptsOfOneIdAndBody() {
        String[] endpoint = endpoint("/fail-3", "qr_code.closed");
        String event = WebhookApi.insertEvent(MERCHANT, "qr_code.closed");
        awaitLog(endpoint[0], event, "delivered");
        List<Received> got = receiver.received("/fail-3");
        assertEquals(4, got.size());
        for (Received r : got) {
            assertEquals(event, r.id());
            assertArrayEquals(got.get(0).body(), r.body());
            assertTrue(verified(r, endpoint[1]));
        }
        for (int i = 1; i < got.size(); i++) {
            long gapMillis = (got.get(i).nanos() - got.get(i - 1).nanos()) / 1_000_000;
            assertTrue(gapMillis >= 290, "attempt " + (i + 1) + " came " + gapMillis + " ms after the previous");
        }
        Map<String, Object> log = logEntry(endpoint[0], event);
        assertEquals(4, log.get("attempts"));

        Map<String, Object> row = hooks.items(api.get("/admin/webhook-deliveries?endpointId=" + endpoint[0],
                ApiCalls.admin()).body()).get(0);
        Map<String, Object> detail = hooks.read(api.get("/admin/webhook-deliveries/" + row.get("id"), ApiCalls.admin()).body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) detail.get("attempts");
        assertEquals(List.of(500, 500, 500, 200), attempts.stream().map(a -> a.get("statusCode")).toList());
        assertEquals("<html>boom</html>", attempts.get(0).get("bodyExcerpt"));
        assertEquals("receiver answered HTTP 500", attempts.get(0).get("error"));
        assertEquals(403, api.get("/admin/webhook-deliveries", ApiCalls.merchant()).statusCode());
    }

    @Test
    void afterTheLastRetryTheDeliveryIsFailedAndARetrySendsItAgain() {
        String[] endpoint = endpoint("/fail-4", "transfer_otp.failed");
        String event = WebhookApi.insertEvent(MERCHANT, "transfer_otp.failed");
        awaitLog(endpoint[0], event, "failed");
        assertEquals(4, receiver.received("/fail-4").size());
        assertEquals(4, logEntry(endpoint[0], event).get("attempts"));
        HttpResponse<String> retry = api.post("/v1/webhook-endpoints/" + endpoint[0] + "/deliveries/" + event + "/retry",
                ApiCalls.merchant(), "", Map.of());
        assertEquals(202, retry.statusCode(), retry.body());
        awaitLog(endpoint[0], event, "delivered");
        assertEquals(5, receiver.received("/fail-4").size());
        assertEquals(1, receiver.received("/fail-4").stream().map(Received::id).distinct().count());
        assertEquals(404, api.post("/v1/webhook-endpoints/" + endpoint[0] + "/deliveries/evt_nope/retry",
                ApiCalls.merchant(), "", Map.of()).statusCode());
    }

    @Test
    void duringARotationBothSecretsSignEachVerifyingOnItsOwn() {
        String[] endpoint = endpoint("/rotated", "qr_code.unknown");
        String newSecret = (String) hooks.read(api.post("/v1/webhook-endpoints/" + endpoint[0] + "/rotate-secret",
                ApiCalls.merchant(), "", Map.of()).body()).get("secret");
        String event = WebhookApi.insertEvent(MERCHANT, "qr_code.unknown");
        awaitLog(endpoint[0], event, "delivered");
        Received r = receiver.received("/rotated").get(0);
        assertEquals(2, r.signature().split(" ").length, r.signature());
        assertTrue(verified(r, endpoint[1]), "old secret");
        assertTrue(verified(r, newSecret), "new secret");
        String[] parts = r.signature().split(" ");
        assertTrue(StandardWebhooksVerifier.verify(newSecret, r.id(), r.timestamp(), parts[0], r.body(),
                Instant.now().getEpochSecond()), "the new secret's own signature comes first");
        assertTrue(StandardWebhooksVerifier.verify(endpoint[1], r.id(), r.timestamp(), parts[1], r.body(),
                Instant.now().getEpochSecond()), "the old secret's own signature");
    }

    @Test
    void aHangingEndpointDelaysNeitherAnotherEndpointNorTheApi() {
        String[] hanging = endpoint("/hang", "qr_code.activated");
        String[] healthy = endpoint("/ok-beside-hang", "qr_code.activated");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(WebhookApi.insertEvent(MERCHANT, "qr_code.activated"));
        }
        long started = System.nanoTime();
        await(() -> receiver.received("/ok-beside-hang").size() >= 30, Duration.ofSeconds(10), "the healthy endpoint");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 8_000, "30 deliveries beside a hanging endpoint took " + tookMillis + " ms");
        long apiStarted = System.nanoTime();
        assertEquals(200, api.get("/v1/webhook-endpoints/" + healthy[0], ApiCalls.merchant()).statusCode());
        assertTrue((System.nanoTime() - apiStarted) / 1_000_000 < 1_000, "an API request waited");
        assertTrue(receiver.maxConcurrent("/hang") >= 1 && receiver.maxConcurrent("/hang") <= 4,
                "at most the per-endpoint limit at once: " + receiver.maxConcurrent("/hang"));
        Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", hanging[0]);
    }

    @Test
    void replayEnqueuesTheEndpointsEventsSinceATime() {
        Instant since = Instant.now().minusSeconds(1);
        String first = WebhookApi.insertEvent(MERCHANT, "transfer_otp.expired");
        String second = WebhookApi.insertEvent(MERCHANT, "transfer_otp.expired");
        String[] endpoint = endpoint("/replayed", "transfer_otp.expired"); // created after the events
        HttpResponse<String> replay = api.post("/v1/webhook-endpoints/" + endpoint[0] + "/replay", ApiCalls.merchant(),
                "{\"since\":\"" + since + "\"}", Map.of());
        assertEquals(202, replay.statusCode(), replay.body());
        assertTrue(((Number) hooks.read(replay.body()).get("enqueued")).intValue() >= 2, replay.body());
        awaitLog(endpoint[0], first, "delivered");
        awaitLog(endpoint[0], second, "delivered");
        assertEquals(400, api.post("/v1/webhook-endpoints/" + endpoint[0] + "/replay", ApiCalls.merchant(),
                "{\"since\":\"yesterday\"}", Map.of()).statusCode());
        assertEquals(400, api.post("/v1/webhook-endpoints/" + endpoint[0] + "/replay", ApiCalls.merchant(),
                "{}", Map.of()).statusCode());
    }

    private Map<String, Object> logEntry(String endpointId, String eventId) {
        return hooks.items(api.get("/v1/webhook-endpoints/" + endpointId + "/deliveries?limit=200", ApiCalls.merchant())
                .body()).stream().filter(d -> eventId.equals(d.get("eventId"))).findFirst().orElse(Map.of());
    }

    private void awaitLog(String endpointId, String eventId, String status) {
        await(() -> status.equals(logEntry(endpointId, eventId).get("status")), Duration.ofSeconds(15),
                eventId + " " + status);
    }
}
