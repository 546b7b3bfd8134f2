package io.payorch.bootstrap.lifecycle;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.wire.HmacSignature;
import io.payorch.bootstrap.support.Credentials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races on one QR over real HTTP and PostgreSQL, each started from one latch and repeated so that
 * both orders occur: two notifications of one payment, and a payment against an admin's close.
 * Whatever the order, a payment is applied at most once and never lost, and the QR ends in one
 * state that the answers agree with.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class NotificationRacesTest extends ProviderNotificationSupport {

    private static final int ROUNDS = 12;
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    NotificationRacesTest() {
        super("R");
    }

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.providers.aop.webhook-secret", "aop-secret");
    }

    @Test
    void twoNotificationsOfOnePaymentAtOnceApplyItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            boolean multipleUse = round % 2 == 0; // a multiple-use QR would count a double application
            String reference = "AOPR" + tag + "_" + round;
            String qrId = qr(reference, multipleUse ? null : 1_000L, multipleUse ? "multiple_use" : "single_use");
            String paymentId = "PAY" + tag + "_" + round;

            List<String> outcomes = race(
                    () -> notify(payment("evt-a-" + paymentId, reference, paymentId)).body().get("outcome").toString(),
                    () -> notify(payment("evt-b-" + paymentId, reference, paymentId)).body().get("outcome").toString());

            assertEquals(List.of("applied", "duplicate"), outcomes.stream().sorted().toList(), "round " + round);
            assertEquals(1, rows.count("SELECT payments_count FROM qr_intent WHERE id = ?", qrId), "round " + round);
            assertEquals(1_000, rows.count("SELECT payments_total_paise FROM qr_intent WHERE id = ?", qrId));
            assertEquals(1, rows.count("SELECT count(*) FROM qr_payment WHERE payment_id = ?", paymentId));
            assertEquals(multipleUse ? "ACTIVE" : "PAID", rows.text("SELECT status FROM qr_intent WHERE id = ?", qrId));
        }
    }

    @Test
    void aPaymentRacingACloseEndsPaidOrClosedWithThePaymentFlaggedNeverLost() throws Exception {
        int paid = 0;
        int closed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String reference = "AOPC" + tag + "_" + round;
            String qrId = qr(reference, 1_000L, "single_use");
            String paymentId = "PAYC" + tag + "_" + round;

            List<String> answers = race(
                    () -> notify(payment("evt-" + paymentId, reference, paymentId)).body().get("outcome").toString(),
                    () -> String.valueOf(close(qrId)));
            String payment = answers.get(0);
            String closeStatus = answers.get(1);
            String status = rows.text("SELECT status FROM qr_intent WHERE id = ?", qrId);
            String recorded = rows.text("SELECT status FROM qr_payment WHERE payment_id = ?", paymentId);

            if ("PAID".equals(status)) {
                paid++;
                assertEquals("applied", payment, "round " + round);
                assertEquals("applied", recorded);
                assertEquals("409", closeStatus, "a paid QR cannot be closed");
            } else {
                closed++;
                assertEquals("CLOSED", status, "round " + round);
                assertEquals("200", closeStatus);
                assertEquals("flagged", payment, "a payment for a closed QR is kept for operations");
                assertEquals("flagged", recorded);
                assertTrue(rows.text("SELECT flag_reason FROM qr_payment WHERE payment_id = ?", paymentId)
                        .startsWith("qr_closed"));
            }
            assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status IN"
                    + " ('PAID', 'CLOSED')", qrId), "exactly one final transition in round " + round);
        }
        assertEquals(ROUNDS, paid + closed);
    }

    /** Runs both at once from one latch; their results in the order given. */
    private static List<String> race(Callable<String> first, Callable<String> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (Callable<String> task : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> result : results) {
                answers.add(result.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String qr(String reference, Long amountPaise, String usage) throws Exception {
        return insertQr(nextQrId(), "AOP", reference, usage, amountPaise, "ACTIVE", 300);
    }

    private static byte[] payment(String eventId, String reference, String paymentId) {
        return """
                { "eventId": "%s", "event": "payment.success", "txnRefranceID": "%s",
                  "amount": "10.00", "paymentId": "%s", "utr": "412345678901" }
                """.formatted(eventId, reference, paymentId).getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<Map<String, Object>> notify(byte[] body) {
        return client.toBlocking().exchange(HttpRequest.POST("/v1/webhooks/aop", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Payorch-Signature", HmacSignature.sign("aop-secret", body)), OBJECT);
    }

    private int close(String qrId) {
        try {
            return client.toBlocking().exchange(Credentials.asAdmin(HttpRequest.POST("/admin/qr-codes/" + qrId
                    + "/close", "")), OBJECT).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
