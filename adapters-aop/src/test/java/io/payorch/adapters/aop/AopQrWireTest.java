package io.payorch.adapters.aop;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;
import io.payorch.wire.ProviderAnswer;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderPageExample;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AOPay's V4 DynamicQRCode mapping against the examples of its page (aop-dynamic-qr.txt). */
class AopQrWireTest {

    private final RecordingTransport transport = new RecordingTransport();
    private final AopQrClient client = new AopQrClient(
            ProviderEndpoint.of(URI.create("http://aopay.test/"), Duration.ofSeconds(5)), transport);

    private static QrProviderRequest request(String registrationId, String amount) {
        return new QrProviderRequest("qr_1", registrationId, Money.parse(amount), QrUsage.SINGLE_USE, null, null,
                null, Map.of());
    }

    private ProviderOutcome<ProviderQr> answered(int status, Map<String, Object> body) {
        transport.answer(status, body);
        return client.create(request("AOP-554", "10"));
    }

    @Test
    void theRequestIsThePagesExampleExactly() {
        transport.answer(200, object("/aop/create-200.json"));
        client.create(request("AOP-554", "10"));

        RecordingTransport.Exchange sent = transport.onlyExchange();
        assertEquals("POST", sent.method());
        assertEquals(URI.create("http://aopay.test/api/AOP/V4/DynamicQRCode"), sent.uri());
        Map<String, Object> example = object("/aop/request.json");
        assertEquals(example, sent.body());
        assertEquals(new ArrayList<>(example.keySet()), new ArrayList<>(((Map<?, ?>) sent.body()).keySet()));
    }

    @Test
    void paiseTravelAsARupeeStringNeverAsANumber() {
        transport.answer(200, object("/aop/create-200.json"));
        client.create(request("AOP-554", "10.50"));
        assertEquals("10.5", ((Map<?, ?>) transport.onlyExchange().body()).get("amount"));
    }

    @Test
    void theSuccessExampleIsAnIssuedQrWithItsReferenceIntentAndIndianExpiry() {
        ProviderOutcome<ProviderQr> outcome = answered(200, object("/aop/create-200.json"));

        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, outcome).value();
        assertEquals(Provider.AOP, qr.provider());
        assertEquals("AOP554V221201", qr.providerReference(), "txnRefranceID is the reference, before id");
        assertTrue(qr.upiIntent().startsWith("upi://pay?ver=01&mode=22&pa=random@razorpay"), qr.upiIntent());
        assertEquals(Instant.parse("2024-07-28T18:06:09Z"), qr.expiresAt(), "+05:30 is honoured");
        assertNull(qr.imageUrl());
    }

    @Test
    void theSchemasQrCodeFieldCarriesTheIntentWhenUpiIntendIsMissing() {
        Map<String, Object> body = ProviderPageExample.parse("""
                {"status": "SUCCESS", "subCode": "200", "message": "ok",
                 "qrCode": "upi://pay?pa=x@bank&am=10", "virtualVPA": "x@bank"}""");
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, body)).value();
        assertEquals("upi://pay?pa=x@bank&am=10", qr.upiIntent());
        assertNull(qr.providerReference());
    }

    @Test
    void withoutTxnRefranceIdTheIdIsTheReference() {
        Map<String, Object> body = object("/aop/create-200.json");
        body.remove("txnRefranceID");
        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, body)).value();
        assertEquals("qr_Oe8y06oN0Kj1cx", qr.providerReference());
    }

    @Test
    void theDocumented400IsARejectionCarryingSubCodeAndMessage() {
        var rejected = assertInstanceOf(ProviderOutcome.Rejected.class, answered(400, object("/aop/create-400.json")));
        assertEquals("400", rejected.code());
        assertEquals("VPA does not exist for the account provided", rejected.message());
        assertEquals(ProviderOutcome.Reason.INVALID_REQUEST, rejected.reason());
    }

    @Test
    void statusErrorIsARejectionWhateverTheHttpStatusBelow500() {
        var rejected = assertInstanceOf(ProviderOutcome.Rejected.class, answered(200, object("/aop/create-400.json")));
        assertEquals("400", rejected.code());
        assertEquals(ProviderOutcome.Reason.DECLINED, rejected.reason());
        var refused = assertInstanceOf(ProviderOutcome.Rejected.class, answered(401, object("/aop/create-400.json")));
        assertEquals(ProviderOutcome.Reason.AUTHENTICATION_FAILED, refused.reason());
    }

    @Test
    void statusErrorWithA5xxMayHaveBeenActedOn() {
        var unknown = assertInstanceOf(ProviderOutcome.Unknown.class, answered(503, object("/aop/create-400.json")));
        assertEquals(false, unknown.timedOut());
    }

    @Test
    void capitalStatusFalseWithoutAnIntentIsARejection() {
        Map<String, Object> body = ProviderPageExample.parse("""
                {"Status": "False", "message": "Registration not active", "subCode": "102"}""");
        var rejected = assertInstanceOf(ProviderOutcome.Rejected.class, answered(200, body));
        assertEquals("102", rejected.code());
        assertEquals("Registration not active", rejected.message());
    }

    @Test
    void aSuccessWithoutAnyIntentIsUnknownNotAccepted() {
        Map<String, Object> body = object("/aop/create-200.json");
        body.remove("UPIIntend");
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(200, body));
    }

    @Test
    void anUnreadableExpiryIsUnknown() {
        Map<String, Object> body = object("/aop/create-200.json");
        body.put("ExpireDateTime", "28/07/2024 23:36");
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(200, body));
    }

    @Test
    void httpFailuresAreClassifiedForRouting() {
        assertInstanceOf(ProviderOutcome.NotAttempted.class, answered(429, Map.of()));
        assertEquals(true, assertInstanceOf(ProviderOutcome.Unknown.class, answered(408, Map.of())).timedOut());
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(500, Map.of()));
        transport.answer(ProviderAnswer.unreadable(200));
        assertInstanceOf(ProviderOutcome.Unknown.class, client.create(request("AOP-554", "10")));
    }

    @Test
    void onlyFixedAmountSingleUseQrsCanBeAsked() {
        QrProviderRequest multiple = new QrProviderRequest("qr_1", "AOP-554", null, QrUsage.MULTIPLE_USE, null, null,
                null, Map.of());
        assertEquals(List.of("usage"), client.check(multiple).stream().map(e -> e.field()).toList());
        assertEquals(List.of(), client.check(request("AOP-554", "10")));
    }
}
