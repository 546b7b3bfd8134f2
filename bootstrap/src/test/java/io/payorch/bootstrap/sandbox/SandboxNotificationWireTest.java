package io.payorch.bootstrap.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.wire.HmacSignature;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notifications exactly as they leave the simulators, captured at {@code payorch.sandbox.notify-url}
 * (a WireMock stub standing in for payorch's webhook): Razorpay's {@code qr_code.credited} envelope
 * with its headers, the callbacks with the references each simulator issued, each signed over the
 * exact bytes sent; the webhook's answer passed back; an unreachable webhook is a 502.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class SandboxNotificationWireTest extends ApiTestSupport {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private static final String SECRET = "sandbox-webhook-secret";

    private final WireMockServer webhook = started();

    @Inject
    JsonMapper json;

    private static WireMockServer started() {
        WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        return wireMock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.sandbox.notify-url", webhook.baseUrl() + "/", "payorch.sweep.enabled", "false");
    }

    @BeforeEach
    void answerLikeTheWebhook() {
        webhook.resetAll();
        webhook.stubFor(post(urlPathEqualTo("/v1/webhooks/razorpay")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"outcome\":\"applied\",\"qrId\":\"qr_x\"}")));
        webhook.stubFor(post(urlPathEqualTo("/v1/webhooks/aop")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"code\":\"invalid_signature\"}")));
        webhook.stubFor(post(urlPathEqualTo("/v1/webhooks/oqpay")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"outcome\":\"flagged\"}")));
        webhook.stubFor(post(urlPathEqualTo("/v1/webhooks/bos")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @AfterAll
    void stop() {
        webhook.stop();
    }

    private Map<String, Object> object(String text) {
        try {
            return json.readValue(text, OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> create(String body) {
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of());
        assertEquals(201, created.statusCode(), created.body());
        return object(created.body());
    }

    private LoggedRequest onlyRequestTo(String path) {
        List<LoggedRequest> requests = webhook.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void razorpaySendsItsSignedQrCodeCreditedEnvelope() {
        Map<String, Object> qr = create("{\"registrationId\":\"WIRE-RZP\",\"amount\":\"3.00\",\"provider\":\"RAZORPAY\"}");

        HttpResponse<String> paid = api.post("/sandbox/qr-codes/" + qr.get("id") + "/pay", null, "", Map.of());

        assertEquals(200, paid.statusCode(), paid.body());
        Map<String, Object> answer = object(paid.body());
        assertEquals(Map.of("status", 200, "body", Map.of("outcome", "applied", "qrId", "qr_x")), answer.get("webhook"));
        LoggedRequest sent = onlyRequestTo("/v1/webhooks/razorpay");
        assertEquals(HmacSignature.sign(SECRET, sent.getBody()), sent.getHeader("X-Razorpay-Signature"));
        assertTrue(sent.getHeader("X-Razorpay-Event-Id").startsWith("evt_"));
        assertTrue(sent.getHeader("Content-Type").startsWith("application/json"));
        Map<String, Object> envelope = object(sent.getBodyAsString());
        assertEquals("event", envelope.get("entity"));
        assertEquals("qr_code.credited", envelope.get("event"));
        assertEquals(List.of("payment", "qr_code"), envelope.get("contains"));
        Map<String, Object> payload = (Map<String, Object>) envelope.get("payload");
        Map<String, Object> payment = (Map<String, Object>) ((Map<String, Object>) payload.get("payment")).get("entity");
        Map<String, Object> qrCode = (Map<String, Object>) ((Map<String, Object>) payload.get("qr_code")).get("entity");
        assertTrue(((String) payment.get("id")).matches("pay_[A-Za-z0-9]{14}"));
        assertEquals(300, payment.get("amount"));
        assertEquals("INR", payment.get("currency"));
        assertEquals("captured", payment.get("status"));
        assertEquals("upi", payment.get("method"));
        assertTrue(((String) ((Map<String, Object>) payment.get("acquirer_data")).get("rrn")).matches("\\d{12}"));
        assertEquals(qr.get("providerReference"), qrCode.get("id"));
        assertEquals(qr.get("id"), ((Map<String, Object>) qrCode.get("notes")).get("payorch_qr_id"));
        assertEquals("single_use", qrCode.get("usage"));
        assertEquals(300, qrCode.get("payments_amount_received"));
        assertEquals(1, qrCode.get("payments_count_received"));
        assertEquals("closed", qrCode.get("status"));
        assertEquals("paid", qrCode.get("close_reason"));
    }

    @Test
    void aopSendsTheDocumentedCallbackWithItsIssuedReferencesAndTheWebhooksRefusalComesBack() {
        Map<String, Object> qr = create("{\"registrationId\":\"WIRE-AOP\",\"amount\":\"10.50\",\"provider\":\"AOP\"}");

        HttpResponse<String> paid = api.post("/sandbox/qr-codes/" + qr.get("id") + "/pay", null,
                "{\"amount\":\"10.5\"}", Map.of());

        assertEquals(200, paid.statusCode(), paid.body());
        assertEquals(Map.of("status", 401, "body", Map.of("code", "invalid_signature")),
                object(paid.body()).get("webhook"));
        LoggedRequest sent = onlyRequestTo("/v1/webhooks/aop");
        assertEquals(HmacSignature.sign(SECRET, sent.getBody()), sent.getHeader("X-Payorch-Signature"));
        Map<String, Object> body = object(sent.getBodyAsString());
        assertEquals("payment.success", body.get("event"));
        assertTrue(((String) body.get("eventId")).startsWith("aop-evt-"));
        assertEquals(qr.get("providerReference"), body.get("txnRefranceID"));
        assertTrue(((String) body.get("id")).matches("qr_[A-Za-z0-9]{14}"));
        assertEquals("10.50", body.get("amount"));
        assertTrue(((String) body.get("paymentId")).startsWith("AOPPAY"));
        assertTrue(((String) body.get("utr")).matches("\\d{12}"));
    }

    @Test
    void oqpaySendsItsTxnIdAndRefIdWithANumericAmount() {
        Map<String, Object> qr = create("{\"registrationId\":\"WIRE-OQ\",\"amount\":\"500\",\"provider\":\"OQPAY\","
                + "\"customer\":{\"name\":\"Ajay Singh\",\"mobile\":\"9876543210\",\"email\":\"ajay@example.com\"}}");

        HttpResponse<String> paid = api.post("/sandbox/qr-codes/" + qr.get("id") + "/pay", null, "", Map.of());

        assertEquals(200, paid.statusCode(), paid.body());
        LoggedRequest sent = onlyRequestTo("/v1/webhooks/oqpay");
        assertEquals(HmacSignature.sign(SECRET, sent.getBody()), sent.getHeader("X-Payorch-Signature"));
        Map<String, Object> body = new HashMap<>(object(sent.getBodyAsString()));
        assertEquals(qr.get("providerReference"), body.get("txnId"));
        assertTrue(((String) body.get("refId")).startsWith("REF-WIREOQV"));
        assertEquals(500, body.get("amount"));
        assertTrue(sent.getBodyAsString().contains("\"amount\":500,"), sent.getBodyAsString());
        assertNull(body.get("id"));
    }

    @Test
    void anUnreachableWebhookIsA502Problem() {
        Map<String, Object> qr = create("{\"registrationId\":\"WIRE-BOS\",\"amount\":\"20\",\"provider\":\"BOS\"}");

        HttpResponse<String> paid = api.post("/sandbox/qr-codes/" + qr.get("id") + "/pay", null, "", Map.of());

        assertEquals(502, paid.statusCode(), paid.body());
        assertEquals("webhook_unreachable", object(paid.body()).get("code"));
    }
}
