package io.payorch.bootstrap.lifecycle;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.wire.HmacSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code POST /v1/webhooks/{aop|bos|oqpay}}: payorch's documented callback payloads, each matched
 * by the provider's own reference fields and signed in {@code X-Payorch-Signature} under that
 * provider's secret.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class ProviderCallbackWebhookTest extends ProviderNotificationSupport {

    ProviderCallbackWebhookTest() {
        super("P");
    }

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep(
                "payorch.providers.aop.webhook-secret", "aop-secret",
                "payorch.providers.bos.webhook-secret", "bos-secret",
                "payorch.providers.oqpay.webhook-secret", "oqpay-secret");
    }

    @Test
    void anAopayPaymentMatchedByTxnRefranceIdMakesTheQrPaidOnce() throws Exception {
        String qrId = qr("AOP", "AOP554V" + tag, 1_050L);
        String json = """
                { "eventId": "aop-evt-%s", "event": "payment.success",
                  "txnRefranceID": "AOP554V%s", "id": "qr_Oe8y06oN0Kj1cx",
                  "amount": "10.50", "paymentId": "AOPPAY%s", "utr": "412345678901",
                  "payerName": "Ramesh Kumār" }
                """.formatted(tag, tag, tag);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertEquals("applied", post("aop", body, HmacSignature.sign("aop-secret", body)).body().get("outcome"));
        assertEquals("duplicate", post("aop", body, HmacSignature.sign("aop-secret", body)).body().get("outcome"));
        assertEquals("PAID", status(qrId));
        assertEquals(1_050, rows.count("SELECT payments_total_paise FROM qr_intent WHERE id = ?", qrId));
        assertEquals("412345678901", rows.text("SELECT upi_reference FROM qr_payment WHERE payment_id = ?", "AOPPAY" + tag));
    }

    @Test
    void aBosPaymentIsMatchedByItsQrId() throws Exception {
        String qrId = qr("BOS", "qr_bos_" + tag, 1_000L);
        byte[] body = ("{\"eventId\":\"bos-evt-" + tag + "\",\"event\":\"payment.success\",\"id\":\"qr_bos_" + tag
                + "\",\"amount\":10,\"paymentId\":\"BOSPAY" + tag + "\",\"utr\":\"512345678901\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("applied", post("bos", body, HmacSignature.sign("bos-secret", body)).body().get("outcome"));
        assertEquals("PAID", status(qrId));
    }

    @Test
    void anOqpayPaymentIsMatchedByRefIdAndAWrongAmountIsFlagged() throws Exception {
        String qrId = qr("OQPAY", "REF-OQP" + tag, 50_000L);
        String template = """
                {"eventId":"oq-evt-%s-%s","event":"payment.success","txnId":"TPAY%s","refId":"REF-OQP%s",
                 "amount":%s,"paymentId":"OQPAY%s-%s","utr":"612345678901"}
                """;
        byte[] wrong = template.formatted(tag, 1, tag, tag, "499", tag, 1).getBytes(StandardCharsets.UTF_8);
        assertEquals("flagged", post("oqpay", wrong, HmacSignature.sign("oqpay-secret", wrong)).body().get("outcome"));
        assertEquals("ACTIVE", status(qrId));
        byte[] right = template.formatted(tag, 2, tag, tag, "500", tag, 2).getBytes(StandardCharsets.UTF_8);
        assertEquals("applied", post("oqpay", right, HmacSignature.sign("oqpay-secret", right)).body().get("outcome"));
        assertEquals("PAID", status(qrId));
    }

    @Test
    void anotherProvidersSecretOrATamperedBodyIs401AndChangesNothing() throws Exception {
        String qrId = qr("AOP", "AOP554V" + tag, 1_000L);
        byte[] body = ("{\"eventId\":\"aop-evt-" + tag + "\",\"txnRefranceID\":\"AOP554V" + tag
                + "\",\"amount\":\"10\",\"paymentId\":\"AOPPAY" + tag + "\"}").getBytes(StandardCharsets.UTF_8);
        assertUnauthorized("aop", body, HmacSignature.sign("bos-secret", body));
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"10\"", "\"1\"").getBytes(StandardCharsets.UTF_8);
        assertUnauthorized("aop", tampered, HmacSignature.sign("aop-secret", body));
        assertUnauthorized("aop", body, null);
        assertEquals("ACTIVE", status(qrId));
        assertEquals(0, rows.count("SELECT count(*) FROM webhook_event WHERE event_id = ?", "aop-evt-" + tag));
    }

    @Test
    void aCallbackWithoutTheProvidersReferenceIs400() {
        byte[] body = "{\"eventId\":\"x\",\"amount\":\"10\",\"paymentId\":\"p\"}".getBytes(StandardCharsets.UTF_8);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("oqpay", body, HmacSignature.sign("oqpay-secret", body)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(true, e.getResponse().getBody(String.class).orElseThrow().contains("txnId or refId"));
    }

    private String qr(String provider, String reference, long amountPaise) throws Exception {
        return insertQr(nextQrId(), provider, reference, "single_use", amountPaise, "ACTIVE", 300);
    }

    private HttpResponse<Map<String, Object>> post(String provider, byte[] body, String signature) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/v1/webhooks/" + provider, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (signature != null) {
            request.header("X-Payorch-Signature", signature);
        }
        return client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
    }

    private void assertUnauthorized(String provider, byte[] body, String signature) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post(provider, body, signature));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }
}
