package io.payorch.adapters.razorpay;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderPageExample;
import io.payorch.wire.RecordingTransport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.payorch.wire.ProviderPageExample.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Razorpay's QR Codes mapping (create, close, fetch) against the examples of its page (razorpay-create-qr-code.txt). */
class RazorpayQrWireTest {

    private static final Instant NOW = Instant.parse("2023-04-16T03:00:00Z");

    private final RecordingTransport transport = new RecordingTransport();
    private final RazorpayQrClient client = new RazorpayQrClient(
            ProviderEndpoint.of(URI.create("http://razorpay.test"), Duration.ofSeconds(5)), transport,
            Clock.fixed(NOW, ZoneOffset.UTC), "rzp_test_key", "rzp_secret");

    /** The page's example request in payorch's terms (its ₹3 is 300 paise). */
    private static QrProviderRequest pagesExample() {
        return new QrProviderRequest("qr_payorch1", "REG-1", Money.parse("3"), QrUsage.SINGLE_USE, null,
                "For Store 1", Instant.ofEpochSecond(1681615838), Map.of("purpose", "Test UPI QR Code notes"));
    }

    private static Map<String, Object> error(String code, String description, String field) {
        return ProviderPageExample.parse("{\"error\": {\"code\": \"" + code + "\", \"description\": \"" + description
                + "\", \"field\": \"" + field + "\", \"source\": \"business\", \"step\": \"payment_initiation\","
                + " \"reason\": \"input_validation_failed\", \"metadata\": {}}}");
    }

    @Test
    void theCreateRequestIsThePagesExampleWithPayorchsNotesAndNoCustomerOrName() {
        transport.answer(200, object("/razorpay/create-200.json"));
        client.create(pagesExample());

        RecordingTransport.Exchange sent = transport.onlyExchange();
        assertEquals("POST", sent.method());
        assertEquals(URI.create("http://razorpay.test/v1/payments/qr_codes"), sent.uri());
        String basic = Base64.getEncoder().encodeToString("rzp_test_key:rzp_secret".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, sent.headers().get("Authorization"));

        Map<String, Object> expected = new LinkedHashMap<>(object("/razorpay/create-request.json"));
        expected.remove("name");
        expected.remove("customer_id");
        expected.put("close_by", 1681615838L); // Unix seconds and paise travel as longs
        expected.put("payment_amount", 300L);
        expected.put("notes", Map.of("purpose", "Test UPI QR Code notes", RazorpayQrClient.QR_ID_NOTE, "qr_payorch1",
                RazorpayQrClient.REGISTRATION_ID_NOTE, "REG-1"));
        assertEquals(expected, sent.body());
        assertEquals(300L, ((Map<?, ?>) sent.body()).get("payment_amount"), "paise, as a number");
    }

    @Test
    void aMultipleUseQrWithoutAmountSendsNoPaymentAmount() {
        transport.answer(200, object("/razorpay/create-200.json"));
        client.create(new QrProviderRequest("qr_2", "REG-1", null, QrUsage.MULTIPLE_USE, null, null, null, Map.of()));
        Map<?, ?> body = (Map<?, ?>) transport.onlyExchange().body();
        assertEquals(false, body.get("fixed_amount"));
        assertEquals("multiple_use", body.get("usage"));
        assertTrue(!body.containsKey("payment_amount") && !body.containsKey("close_by"), body.toString());
    }

    @Test
    void theSuccessExampleIsAnIssuedQrWithAnImageAndItsCloseByAsExpiry() {
        transport.answer(200, object("/razorpay/create-200.json"));
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, client.create(pagesExample())).value();
        assertEquals(Provider.RAZORPAY, qr.provider());
        assertEquals("qr_HMsVL8HOpbMcjU", qr.providerReference());
        assertEquals("https://rzp.io/i/BWcUVrLp", qr.imageUrl());
        assertNull(qr.upiIntent(), "Razorpay answers an image, not a UPI string");
        assertEquals(Instant.ofEpochSecond(1681615838), qr.expiresAt());
    }

    @Test
    void aSingleUseQrWithoutCloseByExpiresAfterRazorpaysFortyFiveDays() {
        Map<String, Object> body = object("/razorpay/create-200.json");
        body.remove("close_by");
        transport.answer(200, body);
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, client.create(pagesExample())).value();
        assertEquals(Instant.ofEpochSecond(1623660301).plus(Duration.ofDays(45)), qr.expiresAt());
    }

    @Test
    void theDocumented400sAreRejectionsCarryingRazorpaysCodeDescriptionAndField() {
        for (String description : List.of("The payment amount must be at least 1.",
                "close_by must be between 946684800 and 4765046400",
                "ajshdas is/are not required and should not be sent")) {
            transport.answer(400, error("BAD_REQUEST_ERROR", description, "payment_amount"));
            var rejected = assertInstanceOf(ProviderOutcome.Rejected.class, client.create(pagesExample()));
            assertEquals("BAD_REQUEST_ERROR", rejected.code());
            assertEquals(description + " (field: payment_amount)", rejected.message());
            assertEquals(ProviderOutcome.Reason.INVALID_REQUEST, rejected.reason());
        }
    }

    @Test
    void wrongApiCredentialsAreNotAttemptedSoAnotherProviderMayServe() {
        transport.answer(401, error("BAD_REQUEST_ERROR", "The api key provided is invalid", "key"));
        var outcome = assertInstanceOf(ProviderOutcome.NotAttempted.class, client.create(pagesExample()));
        assertTrue(outcome.reason().contains("HTTP 401"), outcome.reason());
    }

    @Test
    void serverErrorsAndUnreadableBodiesMayHaveBeenActedOn() {
        transport.answer(500, error("SERVER_ERROR", "We are facing some trouble", "none"));
        assertInstanceOf(ProviderOutcome.Unknown.class, client.create(pagesExample()));
        transport.answer(io.payorch.wire.ProviderAnswer.unreadable(502));
        assertInstanceOf(ProviderOutcome.Unknown.class, client.create(pagesExample()));
        Map<String, Object> noId = object("/razorpay/create-200.json");
        noId.remove("id");
        transport.answer(200, noId);
        assertInstanceOf(ProviderOutcome.Unknown.class, client.create(pagesExample()));
    }

    @Test
    void closeAndFetchGoToTheQrCodesPathsAndExpectTheirStatus() {
        Map<String, Object> closed = object("/razorpay/create-200.json");
        closed.put("status", "closed");
        closed.put("close_reason", "on_demand");
        transport.answer(200, closed).answer(200, object("/razorpay/create-200.json")).answer(200, closed);

        assertInstanceOf(ProviderOutcome.Accepted.class, client.close("qr_HMsVL8HOpbMcjU"));
        assertInstanceOf(ProviderOutcome.Accepted.class, client.fetch("qr_payorch1", "qr_HMsVL8HOpbMcjU"));
        var closedOnFetch = assertInstanceOf(ProviderOutcome.Unknown.class, client.fetch("qr_payorch1", "qr_HMsVL8HOpbMcjU"));
        assertTrue(closedOnFetch.reason().contains("closed"), "a closed QR must not be activated by reconciliation");

        List<RecordingTransport.Exchange> sent = transport.exchanges();
        assertEquals("POST", sent.get(0).method());
        assertEquals(URI.create("http://razorpay.test/v1/payments/qr_codes/qr_HMsVL8HOpbMcjU/close"), sent.get(0).uri());
        assertNull(sent.get(0).body());
        assertEquals("GET", sent.get(1).method());
        assertEquals(URI.create("http://razorpay.test/v1/payments/qr_codes/qr_HMsVL8HOpbMcjU"), sent.get(1).uri());
    }

    @Test
    void aReferenceThatIsNoRazorpayIdIsNeverPutInAUrl() {
        assertInstanceOf(ProviderOutcome.NotAttempted.class, client.close("../payments"));
        assertInstanceOf(ProviderOutcome.NotAttempted.class, client.fetch("qr_1", "qr_1?x=1"));
        assertEquals(List.of(), transport.exchanges());
    }

    @Test
    void closeByIsCheckedAgainstTheTwoMinuteRuleBeforeAnyCall() {
        QrProviderRequest tooSoon = new QrProviderRequest("qr_1", "REG-1", Money.parse("3"), QrUsage.SINGLE_USE, null,
                null, NOW.plusSeconds(119), Map.of());
        QrProviderRequest justRight = new QrProviderRequest("qr_1", "REG-1", Money.parse("3"), QrUsage.SINGLE_USE,
                null, null, NOW.plusSeconds(120), Map.of());
        assertEquals("closeBy", client.check(tooSoon).get(0).field());
        assertEquals(List.of(), client.check(justRight));
    }
}
