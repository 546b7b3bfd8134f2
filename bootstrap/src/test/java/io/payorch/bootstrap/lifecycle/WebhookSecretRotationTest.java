package io.payorch.bootstrap.lifecycle;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.wire.HmacSignature;
import io.payorch.bootstrap.support.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider's webhook secret rotated: notifications signed with the current secret or with
 * {@code previous-webhook-secret} are applied (Razorpay keeps signing retries with the old one),
 * one signed with neither is refused 401 and changes nothing. Razorpay and AOPay
 * ({@code X-Payorch-Signature}), over HTTP with the exact bytes signed.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class WebhookSecretRotationTest extends ApiTestSupport {

    private static final String CURRENT = "whsec-current-after-rotation-61d2";
    private static final String PREVIOUS = "whsec-previous-before-rotation-0b7a";
    private static final String NEITHER = "whsec-never-configured-93fe";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private LifecycleRows rows;
    private String tag;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep(
                "payorch.providers.razorpay.webhook-secret", CURRENT,
                "payorch.providers.razorpay.previous-webhook-secret", PREVIOUS,
                "payorch.providers.aop.webhook-secret", CURRENT,
                "payorch.providers.aop.previous-webhook-secret", PREVIOUS);
    }

    @BeforeEach
    void setUp() {
        rows = new LifecycleRows(dataSource);
        tag = "R" + Long.toString(System.currentTimeMillis(), 36) + SEQUENCE.incrementAndGet();
    }

    @Test
    void razorpayNotificationsSignedWithTheCurrentOrThePreviousSecretAreAppliedAndWithNeitherRefused() throws Exception {
        String qrId = qr("RAZORPAY", "rzp_" + tag);
        for (String[] attempt : new String[][]{{NEITHER, "401"}, {PREVIOUS, "applied"}, {CURRENT, "applied"}}) {
            String paymentId = "pay_" + tag + "_" + SEQUENCE.incrementAndGet();
            byte[] body = razorpayCredited(qrId, "rzp_" + tag, paymentId).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = api.post("/v1/webhooks/razorpay", null, new String(body, StandardCharsets.UTF_8),
                    Map.of("X-Razorpay-Signature", HmacSignature.sign(attempt[0], body),
                            "X-Razorpay-Event-Id", "evt_" + paymentId));
            assertOutcome(attempt[1], answer, paymentId);
        }
        assertEquals(2, rows.count("SELECT payments_count FROM qr_intent WHERE id = ?", qrId));
    }

    @Test
    void aopayCallbacksSignedWithTheCurrentOrThePreviousSecretAreAppliedAndWithNeitherRefused() throws Exception {
        String reference = "AOP554V" + tag;
        String qrId = qr("AOP", reference);
        for (String[] attempt : new String[][]{{NEITHER, "401"}, {PREVIOUS, "applied"}, {CURRENT, "applied"}}) {
            String paymentId = "AOPPAY" + tag + "_" + SEQUENCE.incrementAndGet();
            String json = """
                    { "eventId": "aop-evt-%s", "event": "payment.success", "txnRefranceID": "%s",
                      "amount": "10.50", "paymentId": "%s", "utr": "412345678901" }
                    """.formatted(paymentId, reference, paymentId);
            HttpResponse<String> answer = api.post("/v1/webhooks/aop", null, json,
                    Map.of("X-Payorch-Signature", HmacSignature.sign(attempt[0], json.getBytes(StandardCharsets.UTF_8))));
            assertOutcome(attempt[1], answer, paymentId);
        }
        assertEquals(2, rows.count("SELECT payments_count FROM qr_intent WHERE id = ?", qrId));
    }

    private void assertOutcome(String expected, HttpResponse<String> answer, String paymentId) throws Exception {
        if ("401".equals(expected)) {
            assertEquals(401, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"code\":\"invalid_signature\""), answer.body());
            assertEquals(0, rows.count("SELECT count(*) FROM qr_payment WHERE payment_id = ?", paymentId));
        } else {
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"outcome\":\"applied\""), answer.body());
            assertEquals("applied", rows.text("SELECT status FROM qr_payment WHERE payment_id = ?", paymentId));
        }
    }

    private String qr(String provider, String reference) throws Exception {
        String id = "qr_" + tag;
        Instant now = clock.instant();
        rows.insertQr(id, provider, reference, "multiple_use", null, "ACTIVE", now.plusSeconds(900), now);
        return id;
    }

    private static String razorpayCredited(String qrId, String providerQrId, String paymentId) {
        return """
                {"entity":"event","event":"qr_code.credited","contains":["payment","qr_code"],
                 "payload":{"payment":{"entity":{"id":"%s","entity":"payment","amount":1050,"currency":"INR",
                 "status":"captured","method":"upi","acquirer_data":{"rrn":"412345678901"},"created_at":1623662800}},
                 "qr_code":{"entity":{"id":"%s","entity":"qr_code","usage":"multiple_use","type":"upi_qr",
                 "status":"active","notes":{"payorch_qr_id":"%s"}}}},"created_at":1623662800}
                """.formatted(paymentId, providerQrId, qrId);
    }
}
