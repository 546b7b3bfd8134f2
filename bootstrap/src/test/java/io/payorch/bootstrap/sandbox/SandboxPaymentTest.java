package io.payorch.bootstrap.sandbox;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /sandbox/qr-codes/{id}/pay} over real HTTP: each provider's simulator sends its signed
 * notification to payorch's own webhook, which applies it; amounts, open-amount QRs, mismatches,
 * stale QRs and bad requests; and the {@code -SHORTLIVED} trigger expired by the scheduled sweep.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class SandboxPaymentTest extends ApiTestSupport {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    JsonMapper json;

    @Inject
    RazorpaySimulatorController razorpaySimulator;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.sweep.interval", "1s", "payorch.sweep.initial-delay", "1s");
    }

    private record Answer(int status, Map<String, Object> body) {
    }

    private Answer answer(HttpResponse<String> response) {
        try {
            return new Answer(response.statusCode(), response.body().isEmpty() ? Map.of()
                    : json.readValue(response.body(), OBJECT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> create(String provider, String registrationId, String amount, String usage) {
        Map<String, Object> body = new HashMap<>(Map.of("registrationId", registrationId, "provider", provider,
                "usage", usage));
        if (amount != null) {
            body.put("amount", amount);
        }
        if (provider.equals("OQPAY")) {
            body.put("customer", Map.of("name", "Ajay Singh", "mobile", "9876543210", "email", "ajay@example.com"));
        }
        Answer created = answer(api.post("/v1/qr-codes", ApiCalls.merchant(), text(body), Map.of()));
        assertEquals(201, created.status(), created.body()::toString);
        assertEquals("ACTIVE", created.body().get("status"));
        return created.body();
    }

    private Answer pay(String qrId, String body) {
        return answer(api.post("/sandbox/qr-codes/" + qrId + "/pay", null, body, Map.of()));
    }

    private Map<String, Object> read(String qrId) {
        Answer read = answer(api.get("/v1/qr-codes/" + qrId, ApiCalls.merchant()));
        assertEquals(200, read.status());
        return read.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> webhook(Answer paid) {
        return (Map<String, Object>) paid.body().get("webhook");
    }

    @SuppressWarnings("unchecked")
    private static Object webhookField(Answer paid, String field) {
        return ((Map<String, Object>) webhook(paid).get("body")).get(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AOP, 10.50", "BOS, 25.00", "OQPAY, 500.00", "RAZORPAY, 3.00"})
    void payingAQrMakesItsProviderNotifyTheWebhookWhichMarksItPaid(String provider, String amount) {
        String id = (String) create(provider, "PAY-" + provider, amount, "single_use").get("id");

        Answer paid = pay(id, "");

        assertEquals(200, paid.status(), paid.body()::toString);
        assertEquals(id, paid.body().get("qrId"));
        assertEquals(provider, paid.body().get("provider"));
        assertEquals(200, webhook(paid).get("status"), paid.body()::toString);
        assertEquals("applied", webhookField(paid, "outcome"));
        assertEquals(id, webhookField(paid, "qrId"));
        Map<String, Object> qr = read(id);
        assertEquals("PAID", qr.get("status"));
        assertEquals(1, ((Number) qr.get("paymentsCount")).intValue());
        assertEquals(amount, qr.get("paymentsTotal"));
    }

    @Test
    void razorpaysSimulatorRecordsTheCreditSoAFetchAgrees() {
        Map<String, Object> created = create("RAZORPAY", "PAY-RZP-FETCH", "7.00", "single_use");

        assertEquals(200, webhook(pay((String) created.get("id"), "")).get("status"));

        Answer fetched = answer(api.get("/sandbox/razorpay/v1/payments/qr_codes/" + created.get("providerReference"),
                ApiCalls.basic("rzp_test_sandbox", "sandbox-key-secret")));
        assertEquals(700, ((Number) fetched.body().get("payments_amount_received")).intValue());
        assertEquals(1, ((Number) fetched.body().get("payments_count_received")).intValue());
        assertEquals("closed", fetched.body().get("status"));
        assertEquals("paid", fetched.body().get("close_reason"));
    }

    @Test
    void aMultipleUseRazorpayQrPaidThreeTimesStaysActiveWithExactCountAndTotal() {
        Map<String, Object> created = create("RAZORPAY", "PAY-RZP-MULTI", null, "multiple_use");
        String id = (String) created.get("id");

        for (String amount : List.of("10.00", "2.50", "100")) {
            Answer paid = pay(id, "{\"amount\": \"" + amount + "\"}");
            assertEquals("applied", webhookField(paid, "outcome"), paid.body()::toString);
        }

        Map<String, Object> qr = read(id);
        assertEquals("ACTIVE", qr.get("status"));
        assertEquals(3, ((Number) qr.get("paymentsCount")).intValue());
        assertEquals("112.50", qr.get("paymentsTotal"));
        Answer fetched = answer(api.get("/sandbox/razorpay/v1/payments/qr_codes/" + created.get("providerReference"),
                ApiCalls.basic("rzp_test_sandbox", "sandbox-key-secret")));
        assertEquals(11250, ((Number) fetched.body().get("payments_amount_received")).intValue());
        assertEquals(3, ((Number) fetched.body().get("payments_count_received")).intValue());
        assertEquals("active", fetched.body().get("status"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AOP, 10.00, 9.99", "RAZORPAY, 5.00, 50.00", "OQPAY, 300, 301"})
    void anotherAmountOnAFixedQrIsFlaggedNotPaid(String provider, String amount, String paidAmount) {
        String id = (String) create(provider, "PAY-MISMATCH", amount, "single_use").get("id");

        Answer paid = pay(id, "{\"amount\": \"" + paidAmount + "\"}");

        assertEquals(200, webhook(paid).get("status"));
        assertEquals("flagged", webhookField(paid, "outcome"));
        Map<String, Object> qr = read(id);
        assertEquals("ACTIVE", qr.get("status"));
        assertEquals(0, ((Number) qr.get("paymentsCount")).intValue());
    }

    @Test
    void aQrThatIsNoLongerActiveIsStillNotifiedAndTheWebhookFlagsIt() {
        String id = (String) create("BOS", "PAY-TWICE", "20.00", "single_use").get("id");
        assertEquals("applied", webhookField(pay(id, ""), "outcome"));

        Answer again = pay(id, "");

        assertEquals(200, again.status());
        assertEquals("flagged", webhookField(again, "outcome"));
        Map<String, Object> qr = read(id);
        assertEquals("PAID", qr.get("status"));
        assertEquals(1, ((Number) qr.get("paymentsCount")).intValue());
        assertEquals("20.00", qr.get("paymentsTotal"));
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        String fixed = (String) create("AOP", "PAY-BAD", "10.00", "single_use").get("id");
        String open = (String) create("RAZORPAY", "PAY-OPEN", null, "multiple_use").get("id");

        for (String body : List.of("{\"amount\": \"10.999\"}", "{\"amount\": \"-1\"}", "{\"amount\": 10}",
                "{\"amount\": \"\"}")) {
            Answer bad = pay(fixed, body);
            assertEquals(400, bad.status(), body);
            assertEquals("amount", field(bad), body);
        }
        Answer unknownField = pay(fixed, "{\"amout\": \"10\"}");
        assertEquals(400, unknownField.status());
        assertEquals("amout", field(unknownField));
        Answer openWithoutAmount = pay(open, "");
        assertEquals(400, openWithoutAmount.status());
        assertEquals("amount", field(openWithoutAmount));
        Answer unknown = pay("qr_doesnotexist", "");
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.body().get("code"));
        assertEquals("ACTIVE", read(fixed).get("status"));
        assertEquals(0, ((Number) read(open).get("paymentsCount")).intValue());
    }

    @Test
    void aQrNoProviderIssuedCannotBePaid() {
        Answer rejected = answer(api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\": \"PAY-REJECT\", \"amount\": \"10\", \"provider\": \"AOP\"}", Map.of()));
        assertEquals(422, rejected.status());
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) rejected.body().get("resource")).get("id");

        Answer paid = pay(id, "");

        assertEquals(409, paid.status());
        assertEquals("not_payable", paid.body().get("code"));
    }

    @SuppressWarnings("unchecked")
    private static String field(Answer problem) {
        return (String) ((List<Map<String, Object>>) problem.body().get("errors")).get(0).get("field");
    }

    @Test
    void aShortLivedQrExpiresTenSecondsAfterCreationAndTheSweepExpiresIt() throws Exception {
        List<Map<String, Object>> qrs = List.of(create("AOP", "WATCH-SHORTLIVED", "10", "single_use"),
                create("BOS", "WATCH-SHORTLIVED", "10", "single_use"),
                create("OQPAY", "WATCH-SHORTLIVED", "300", "single_use"));

        for (Map<String, Object> qr : qrs) {
            Duration lifetime = Duration.between(Instant.parse((String) qr.get("createdAt")),
                    Instant.parse((String) qr.get("expiresAt")));
            assertTrue(lifetime.compareTo(Duration.ofSeconds(8)) >= 0 && lifetime.compareTo(Duration.ofSeconds(12)) <= 0,
                    qr.get("provider") + " lifetime " + lifetime);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (Map<String, Object> qr : qrs) {
            String id = (String) qr.get("id");
            while (!"EXPIRED".equals(read(id).get("status"))) {
                assertTrue(System.nanoTime() < deadline, qr.get("provider") + " QR not expired within 20 s");
                Thread.sleep(200);
            }
        }
    }
}
