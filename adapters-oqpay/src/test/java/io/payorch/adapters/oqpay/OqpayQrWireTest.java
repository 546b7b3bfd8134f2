package io.payorch.adapters.oqpay;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.RecordingTransport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.payorch.wire.ProviderPageExample.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** OQPay's V5 Payin DynamicQRCode mapping against the examples of its page (oqpay-dynamic-qr.txt). */
class OqpayQrWireTest {

    private final RecordingTransport transport = new RecordingTransport();
    private final OqpayQrClient client = new OqpayQrClient(
            ProviderEndpoint.of(URI.create("http://oqpay.test"), Duration.ofSeconds(5)), transport);

    private static QrProviderRequest request(String amount) {
        return new QrProviderRequest("qr_1", "OQP-XXX", Money.parse(amount), QrUsage.SINGLE_USE,
                new QrProviderRequest.Customer("Ajay Singh", "9876543210", "ajaysingh1898@gmail.com"), null, null,
                Map.of());
    }

    private ProviderOutcome<ProviderQr> answered(int status, Map<String, Object> body) {
        transport.answer(status, body);
        return client.create(request("500"));
    }

    private static Map<String, Object> success() {
        return object("/oqpay/create-200.json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> body) {
        return (Map<String, Object>) body.get("data");
    }

    @Test
    void theRequestIsThePagesExampleExactlyWithAWholeRupeeNumber() {
        answered(200, success());

        RecordingTransport.Exchange sent = transport.onlyExchange();
        assertEquals("POST", sent.method());
        assertEquals(URI.create("http://oqpay.test/api/V5/Payin/DynamicQRCode"), sent.uri());
        Map<String, Object> example = object("/oqpay/request.json");
        assertEquals(new ArrayList<>(example.keySet()), new ArrayList<>(((Map<?, ?>) sent.body()).keySet()));
        Map<?, ?> body = (Map<?, ?>) sent.body();
        assertEquals(example.get("amount"), ((Number) body.get("amount")).intValue());
        assertEquals(Long.class, body.get("amount").getClass(), "an integer, never \"500\" or 500.00");
        for (String field : List.of("customerName", "customerMobile", "customerEmail", "registrationID")) {
            assertEquals(example.get(field), body.get(field), field);
        }
    }

    @Test
    void theSuccessExampleIsAnIssuedQrExpiringAtItsUtcExpiresAt() {
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, success())).value();
        assertEquals(Provider.OQPAY, qr.provider());
        assertEquals("TPAY202602230723071213842", qr.providerReference());
        assertEquals(data(success()).get("qrString"), qr.upiIntent());
        assertEquals(Instant.parse("2026-02-23T07:28:09.435Z"), qr.expiresAt());
    }

    @Test
    void withoutExpiresAtTheIndianTxnDatePlusExpiresInSecondsIsTheExpiry() {
        Map<String, Object> body = success();
        data(body).remove("expiresAt");
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, body)).value();
        assertEquals(Instant.parse("2026-02-23T01:58:08Z"), qr.expiresAt(), "07:23:08 IST + 300 s");
    }

    @Test
    void theSchemasStringSpellingsOfSuccessAndExpiresInSecondsAreRead() {
        Map<String, Object> body = success();
        body.put("success", "true");
        data(body).remove("expiresAt");
        data(body).put("expiresInSeconds", "300");
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, body)).value();
        assertEquals(Instant.parse("2026-02-23T01:58:08Z"), qr.expiresAt());
    }

    @Test
    void upiLinkCarriesTheIntentWhenQrStringIsMissingAndRefIdTheReference() {
        Map<String, Object> body = success();
        data(body).remove("qrString");
        data(body).remove("txnId");
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, body)).value();
        assertEquals(data(success()).get("upiLink"), qr.upiIntent());
        assertEquals("REF-OQP1001V3463548", qr.providerReference());
    }

    @Test
    void theDocumented400IsARejection() {
        var rejected = assertInstanceOf(ProviderOutcome.Rejected.class, answered(400, object("/oqpay/create-400.json")));
        assertEquals("400", rejected.code());
        assertEquals("VPA does not exist for the account provided", rejected.message());
        assertEquals(ProviderOutcome.Reason.INVALID_REQUEST, rejected.reason());
    }

    @Test
    void successFalseOrAFailedStatusIsARejection() {
        Map<String, Object> body = success();
        body.put("success", false);
        assertInstanceOf(ProviderOutcome.Rejected.class, answered(200, body));
        body = success();
        data(body).put("status", "FAILED");
        assertEquals("FAILED", assertInstanceOf(ProviderOutcome.Rejected.class, answered(200, body)).code());
    }

    @Test
    void anAnswerWithoutSuccessDataOrIntentIsUnknown() {
        Map<String, Object> body = success();
        body.remove("success");
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(200, body));
        body = success();
        data(body).remove("qrString");
        data(body).remove("upiLink");
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(200, body));
        body = success();
        data(body).put("expiresAt", "tomorrow");
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(200, body));
    }

    @Test
    void thePagesRulesAreCheckedBeforeAnyCall() {
        assertEquals(List.of("amount"), fields(client.check(request("299"))));
        assertEquals(List.of("amount"), fields(client.check(request("300.50"))));
        assertEquals(List.of(), fields(client.check(request("300"))));
        QrProviderRequest noCustomer = new QrProviderRequest("qr_1", "OQP-XXX", Money.parse("500"),
                QrUsage.SINGLE_USE, null, null, null, Map.of());
        assertEquals(List.of("customer.name", "customer.mobile", "customer.email"), fields(client.check(noCustomer)));
        assertEquals(List.of(), transport.exchanges(), "checks call nobody");
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
