package io.payorch.bootstrap.lifecycle;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.service.HeldPaymentReplay;
import io.payorch.wire.HmacSignature;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/webhooks/razorpay} over HTTP, with signatures computed over the exact bytes sent:
 * bodies with non-ASCII characters and insignificant whitespace, Razorpay's event envelope.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class RazorpayWebhookTest extends ProviderNotificationSupport {

    private static final String SECRET = "rzp-webhook-secret-ü";

    @Inject
    HeldPaymentReplay heldPayments;

    RazorpayWebhookTest() {
        super("W");
    }

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.providers.razorpay.webhook-secret", SECRET);
    }

    @Test
    void aSignedPaymentMakesASingleUseQrPaidAndTheSameEventTwiceIsAppliedOnce() throws Exception {
        String qrId = qr("single_use", 30_000L, "ACTIVE");
        byte[] body = credited(qrId, "pay_" + tag, 30_000, "notes with ₹ नमस्ते and café").getBytes(StandardCharsets.UTF_8);

        HttpResponse<Map<String, Object>> first = post(body, HmacSignature.sign(SECRET, body), "evt_" + tag);
        assertEquals(HttpStatus.OK, first.getStatus());
        assertEquals("applied", first.body().get("outcome"));
        HttpResponse<Map<String, Object>> again = post(body, HmacSignature.sign(SECRET, body), "evt_" + tag);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals("duplicate", again.body().get("outcome"));

        assertEquals("PAID", status(qrId));
        assertEquals(1, rows.count("SELECT payments_count FROM qr_intent WHERE id = ?", qrId));
        assertEquals(30_000, rows.count("SELECT payments_total_paise FROM qr_intent WHERE id = ?", qrId));
        assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'PAID'"
                + " AND from_status = 'ACTIVE' AND source = 'provider:RAZORPAY'", qrId));
        assertEquals("412345678901", rows.text("SELECT upi_reference FROM qr_payment WHERE payment_id = ?", "pay_" + tag));
        assertEquals("applied", rows.text("SELECT status FROM qr_payment WHERE payment_id = ?", "pay_" + tag));
        assertEquals("applied", rows.text("SELECT outcome FROM webhook_event WHERE event_id = ?", "evt_" + tag));
    }

    @Test
    void aTamperedBodyAWrongSecretOrNoSignatureIs401AndChangesNothing() throws Exception {
        String qrId = qr("single_use", 30_000L, "ACTIVE");
        byte[] body = credited(qrId, "pay_" + tag, 30_000, "ünïcödé").getBytes(StandardCharsets.UTF_8);
        String signature = HmacSignature.sign(SECRET, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"amount\": 30000", "\"amount\": 30001")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(!java.util.Arrays.equals(body, tampered));

        assertUnauthorized(tampered, signature);
        assertUnauthorized(body, HmacSignature.sign("another-secret", body));
        assertUnauthorized(body, null);
        assertUnauthorized(body, signature.substring(0, 63));

        assertEquals("ACTIVE", status(qrId));
        assertEquals(0, rows.count("SELECT count(*) FROM webhook_event WHERE event_id = ?", "evt_" + tag));
        assertEquals(0, rows.count("SELECT count(*) FROM qr_payment WHERE payment_id = ?", "pay_" + tag));
        assertEquals(0, rows.count("SELECT version FROM qr_intent WHERE id = ?", qrId));
    }

    @Test
    void threePaymentsOnAMultipleUseQrAddUpExactlyAndItStaysActive() throws Exception {
        String qrId = qr("multiple_use", null, "ACTIVE");
        long[] amounts = {10_050, 20_025, 1};
        for (int i = 0; i < amounts.length; i++) {
            byte[] body = credited(qrId, "pay_" + tag + "_" + i, amounts[i], "payment " + i)
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals("applied", post(body, HmacSignature.sign(SECRET, body), "evt_" + tag + "_" + i)
                    .body().get("outcome"));
        }
        // Razorpay retrying the second payment under a new event id changes nothing
        byte[] retry = credited(qrId, "pay_" + tag + "_1", 20_025, "retry").getBytes(StandardCharsets.UTF_8);
        assertEquals("duplicate", post(retry, HmacSignature.sign(SECRET, retry), "evt_" + tag + "_retry")
                .body().get("outcome"));

        assertEquals("ACTIVE", status(qrId));
        assertEquals(3, rows.count("SELECT payments_count FROM qr_intent WHERE id = ?", qrId));
        assertEquals(30_076, rows.count("SELECT payments_total_paise FROM qr_intent WHERE id = ?", qrId));
        assertEquals(3, rows.count("SELECT count(*) FROM qr_payment WHERE qr_id = ? AND status = 'applied'", qrId));
        assertEquals(3, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND source = 'provider:RAZORPAY'", qrId));
    }

    @Test
    void aPaymentOfAnotherAmountOrForAnExpiredQrIsRecordedAndFlaggedNotApplied() throws Exception {
        String fixed = qr("single_use", 30_000L, "ACTIVE");
        byte[] less = credited(fixed, "pay_" + tag + "_less", 29_900, "short").getBytes(StandardCharsets.UTF_8);
        assertEquals("flagged", post(less, HmacSignature.sign(SECRET, less), "evt_" + tag + "_less")
                .body().get("outcome"));
        assertEquals("ACTIVE", status(fixed));
        assertTrue(rows.text("SELECT flag_reason FROM qr_payment WHERE payment_id = ?", "pay_" + tag + "_less")
                .startsWith("amount_mismatch"));

        String expired = qr("single_use", 30_000L, "EXPIRED");
        byte[] late = credited(expired, "pay_" + tag + "_late", 30_000, "late").getBytes(StandardCharsets.UTF_8);
        assertEquals("flagged", post(late, HmacSignature.sign(SECRET, late), "evt_" + tag + "_late")
                .body().get("outcome"));
        assertEquals("EXPIRED", status(expired));
        assertEquals("flagged", rows.text("SELECT status FROM qr_payment WHERE payment_id = ?", "pay_" + tag + "_late"));
        assertTrue(rows.text("SELECT flag_reason FROM qr_payment WHERE payment_id = ?", "pay_" + tag + "_late")
                .startsWith("qr_expired"));
    }

    @Test
    void aPaymentThatArrivesWhileTheQrIsUnknownIsHeldAndAppliedOnceItIsActive() throws Exception {
        String qrId = qr("single_use", 30_000L, "UNKNOWN");
        byte[] body = credited(qrId, "pay_" + tag, 30_000, "early").getBytes(StandardCharsets.UTF_8);
        assertEquals("flagged", post(body, HmacSignature.sign(SECRET, body), "evt_" + tag).body().get("outcome"));
        assertEquals("UNKNOWN", status(qrId));
        assertTrue(rows.text("SELECT flag_reason FROM qr_payment WHERE payment_id = ?", "pay_" + tag)
                .startsWith("qr_unknown"));

        rows.count("UPDATE qr_intent SET status = 'ACTIVE', version = version + 1 WHERE id = ? RETURNING 1", qrId);
        assertEquals(1, heldPayments.replayHeld(qrId));
        assertEquals(0, heldPayments.replayHeld(qrId), "applied once");

        assertEquals("PAID", status(qrId));
        assertEquals(30_000, rows.count("SELECT payments_total_paise FROM qr_intent WHERE id = ?", qrId));
        assertEquals("applied", rows.text("SELECT status FROM qr_payment WHERE payment_id = ?", "pay_" + tag));
    }

    @Test
    void aPaymentForAnUnknownQrIsRecordedAndAnswered200() throws Exception {
        byte[] body = credited("qr_nobody_" + tag, "pay_" + tag, 500, "stray").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map<String, Object>> response = post(body, HmacSignature.sign(SECRET, body), "evt_" + tag);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("unmatched", response.body().get("outcome"));
        assertEquals("unmatched", rows.text("SELECT status FROM qr_payment WHERE payment_id = ?", "pay_" + tag));
        assertNull(rows.text("SELECT qr_id FROM qr_payment WHERE payment_id = ?", "pay_" + tag));
    }

    @Test
    void aPaymentIsMatchedByPayorchsIdInTheNotes() throws Exception {
        String qrId = qr("single_use", 30_000L, "ACTIVE");
        byte[] body = credited(qrId, "pay_" + tag, 30_000, "x").replace("\"id\": \"rzp_" + qrId + "\"",
                "\"id\": \"qr_renamed\"").getBytes(StandardCharsets.UTF_8);
        assertEquals("applied", post(body, HmacSignature.sign(SECRET, body), "evt_" + tag).body().get("outcome"));
        assertEquals("PAID", status(qrId));
    }

    @Test
    void qrCodeClosedClosesTheQrWithRazorpaysReason() throws Exception {
        String qrId = qr("multiple_use", null, "ACTIVE");
        String json = """
                {"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"qr_code.closed",
                 "contains":["qr_code"],
                 "payload":{"qr_code":{"entity":{"id":"rzp_%s","entity":"qr_code","usage":"multiple_use",
                   "type":"upi_qr","status":"closed","close_reason":"on_demand","closed_at":1623662800,
                   "notes":{"payorch_qr_id":"%s"}}}},
                 "created_at":1623662800}
                """.formatted(qrId, qrId);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertEquals("applied", post(body, HmacSignature.sign(SECRET, body), "evt_" + tag).body().get("outcome"));
        assertEquals("CLOSED", status(qrId));
        assertEquals("on_demand", rows.text("SELECT close_reason FROM qr_intent WHERE id = ?", qrId));
        assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'CLOSED'"
                + " AND source = 'provider:RAZORPAY'", qrId));
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400AndStoresNothing() throws Exception {
        byte[] body = "{\"event\": \"qr_code.credited\", ".getBytes(StandardCharsets.UTF_8);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post(body, HmacSignature.sign(SECRET, body), "evt_" + tag));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(0, rows.count("SELECT count(*) FROM webhook_event WHERE event_id = ?", "evt_" + tag));
    }

    private String qr(String usage, Long amountPaise, String status) throws Exception {
        String id = nextQrId();
        return insertQr(id, "RAZORPAY", "rzp_" + id, usage, amountPaise, status, 900);
    }

    /** Razorpay's qr_code.credited envelope, pretty-printed with tabs and blank lines. */
    private static String credited(String qrId, String paymentId, long paise, String note) {
        return """
                {
                \t"entity": "event",
                \t"account_id": "acc_BFQ7uQEaa7j2z7",
                \t"event": "qr_code.credited",
                \t"contains": [ "payment", "qr_code" ],

                \t"payload": {
                \t\t"payment": { "entity": {
                \t\t\t"id": "%s", "entity": "payment", "amount": %d, "currency": "INR", "status": "captured",
                \t\t\t"method": "upi", "vpa": "payer@okaxis", "description": "QRv2 Payment",
                \t\t\t"notes": [], "acquirer_data": { "rrn": "412345678901" }, "created_at": 1623662800 } },
                \t\t"qr_code": { "entity": {
                \t\t\t"id": "rzp_%s", "entity": "qr_code", "name": "Störe Front", "usage": "single_use",
                \t\t\t"type": "upi_qr", "status": "active", "payments_count_received": 1,
                \t\t\t"notes": { "purpose": "%s", "payorch_qr_id": "%s" } } }
                \t},
                \t"created_at": 1623662800
                }
                """.formatted(paymentId, paise, qrId, note, qrId);
    }

    private HttpResponse<Map<String, Object>> post(byte[] body, String signature, String eventId) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/v1/webhooks/razorpay", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("x-razorpay-event-id", eventId);
        if (signature != null) {
            request.header("X-Razorpay-Signature", signature);
        }
        return client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
    }

    private void assertUnauthorized(byte[] body, String signature) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post(body, signature, "evt_" + tag));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }
}
