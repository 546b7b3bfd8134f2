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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox end to end: a QR paid through the sandbox, one expired, one closed, an OTP sent and
 * expired; the merchant's receiver gets each event once, signed (checked by its own verifier), with
 * the documented body whose {@code object} is byte for byte what GET answers after the change.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class WebhookOutboxTest extends WebhookTestSupport {

    WebhookReceiver receiver;
    String endpointId;
    String secret;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.webhooks.poll-interval", "200ms");
    }

    @BeforeAll
    void setUp() {
        receiver = new WebhookReceiver();
        Map<String, Object> created = hooks.create(receiver.url("/all"), null);
        endpointId = (String) created.get("id");
        secret = (String) created.get("secret");
    }

    @AfterAll
    void tearDown() {
        Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpointId);
        receiver.close();
    }

    private String createQr(String registrationId) {
        HttpResponse<String> r = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, r.statusCode(), r.body());
        return (String) hooks.read(r.body()).get("id");
    }

    /** The events the receiver got about {@code resource}, in sequence order. */
    private List<Map<String, Object>> eventsOf(String resource) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Received r : receiver.received("/all")) {
            Map<String, Object> body = hooks.read(r.text());
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("object");
            if (resource.equals(object.get("id"))) {
                events.add(body);
            }
        }
        events.sort((a, b) -> Long.compare(((Number) a.get("sequence")).longValue(), ((Number) b.get("sequence")).longValue()));
        return events;
    }

    private List<String> typesOf(String resource) {
        return eventsOf(resource).stream().map(e -> (String) e.get("type")).toList();
    }

    /** The {@code object} of the event's stored body, as text, next to what GET answers now. */
    private void assertObjectIsGet(String eventId, String getPath) {
        String stored = WebhookApi.payload(eventId);
        String object = stored.substring(stored.indexOf("\"object\":") + "\"object\":".length());
        String get = api.get(getPath, ApiCalls.merchant()).body();
        assertTrue(object.startsWith(get), "event object\n" + object + "\nGET\n" + get);
    }

    @Test
    void payingExpiringClosingAndOtpsArriveOnceEachSignedWithTheGetView() {
        String paid = createQr("HOOK-PAY");
        HttpResponse<String> pay = api.post("/sandbox/qr-codes/" + paid + "/pay", null, "", Map.of());
        assertEquals(200, pay.statusCode(), pay.body());
        String closed = createQr("HOOK-CLOSE");
        assertEquals(200, api.post("/v1/qr-codes/" + closed + "/close", ApiCalls.merchant(), "", Map.of()).statusCode());
        String expired = createQr("HOOK-EXPIRE");
        HttpResponse<String> otp = api.post("/v1/transfer-otps", ApiCalls.merchant(), "{\"registrationId\":\"AOP-554\","
                + "\"remitterMobile\":\"9876543210\",\"beneficiaryId\":\"60600077\",\"transferType\":\"IMPS\","
                + "\"amount\":\"100.00\",\"pincode\":\"110045\",\"address\":\"Delhi\",\"dateOfBirth\":\"2000-08-20\","
                + "\"latitude\":\"28.6090\",\"longitude\":\"77.2362\"}", Map.of());
        assertEquals(201, otp.statusCode(), otp.body());
        String otpId = (String) hooks.read(otp.body()).get("id");
        Sql.update("UPDATE qr_intent SET expires_at = now() - interval '1 second' WHERE id = ?", expired);
        Sql.update("UPDATE transfer_otp SET expires_at = now() - interval '1 second' WHERE id = ?", otpId);
        assertEquals(200, api.post("/admin/sweeps", ApiCalls.admin(), "", Map.of()).statusCode());

        await(() -> typesOf(paid).size() >= 3 && typesOf(closed).size() >= 2 && typesOf(expired).size() >= 2
                && typesOf(otpId).size() >= 2, Duration.ofSeconds(15), "every event");
        assertEquals(List.of("qr_code.activated", "qr_code.payment_received", "qr_code.paid"), typesOf(paid));
        assertEquals(List.of("qr_code.activated", "qr_code.closed"), typesOf(closed));
        assertEquals(List.of("qr_code.activated", "qr_code.expired"), typesOf(expired));
        assertEquals(List.of("transfer_otp.sent", "transfer_otp.expired"), typesOf(otpId));

        long now = Instant.now().getEpochSecond();
        for (Received r : receiver.received("/all")) {
            assertTrue(StandardWebhooksVerifier.verify(secret, r.id(), r.timestamp(), r.signature(), r.body(), now),
                    "signature of " + r.id());
        }
        assertEquals(receiver.received("/all").size(),
                receiver.received("/all").stream().map(Received::id).distinct().count(), "each event once");

        Map<String, Object> paidEvent = eventsOf(paid).get(2);
        assertEquals(List.of("id", "type", "createdAt", "sequence", "data"), List.copyOf(paidEvent.keySet()));
        assertEquals(3, ((Number) paidEvent.get("sequence")).intValue());
        assertObjectIsGet((String) paidEvent.get("id"), "/v1/qr-codes/" + paid);
        assertObjectIsGet((String) eventsOf(closed).get(1).get("id"), "/v1/qr-codes/" + closed);
        assertObjectIsGet((String) eventsOf(expired).get(1).get("id"), "/v1/qr-codes/" + expired);
        assertObjectIsGet((String) eventsOf(otpId).get(1).get("id"), "/v1/transfer-otps/" + otpId);
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) ((Map<String, Object>) eventsOf(paid).get(1).get("data")).get("payment");
        assertEquals("10.00", payment.get("amount"));
        assertEquals("applied", payment.get("status"));
        assertEquals(null, ((Map<?, ?>) paidEvent.get("data")).get("payment"), "payment on payment events only");
        String otpEvent = WebhookApi.payload((String) eventsOf(otpId).get(0).get("id"));
        assertTrue(otpEvent.contains("98XXXXXX10") && !otpEvent.contains("9876543210"), otpEvent);
    }

    @Test
    void aFlaggedPaymentIsAnEventAndAnotherMerchantsEndpointHearsNothing() {
        String qr = createQr("HOOK-FLAG");
        HttpResponse<String> pay = api.post("/sandbox/qr-codes/" + qr + "/pay", null, "{\"amount\":\"3.00\"}", Map.of());
        assertEquals(200, pay.statusCode(), pay.body());
        await(() -> typesOf(qr).contains("qr_code.payment_flagged"), Duration.ofSeconds(10), "the flagged payment");
        assertEquals(List.of("qr_code.activated", "qr_code.payment_flagged"), typesOf(qr));
        assertEquals(0, Sql.count("SELECT count(*) FROM outbound_event WHERE resource_id = ? AND merchant_id <> ?",
                qr, "sandbox-merchant"));
    }
}
