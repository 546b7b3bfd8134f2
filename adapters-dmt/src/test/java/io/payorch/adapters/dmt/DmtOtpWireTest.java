package io.payorch.adapters.dmt;

import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.SentOtp;
import io.payorch.application.port.out.TransferOtpProviderRequest;
import io.payorch.domain.Money;
import io.payorch.domain.TransferType;
import io.payorch.wire.ProviderAnswer;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderPageExample;
import io.payorch.wire.RecordingTransport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;

import static io.payorch.wire.ProviderPageExample.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** AOPay DMT TransactionSendOtp mapping against the examples of its page (aop-dmt-transaction-send-otp.txt). */
class DmtOtpWireTest {

    private final RecordingTransport transport = new RecordingTransport();
    private final DmtOtpClient client = new DmtOtpClient(
            ProviderEndpoint.of(URI.create("http://dmt.test"), Duration.ofSeconds(5)), transport);

    private static TransferOtpProviderRequest pagesExample(TransferType type) {
        return new TransferOtpProviderRequest("otp_1", "AOP-554", "99XXXXXX88", "60600077", type, Money.parse("100"),
                "110045", "Delhi", LocalDate.of(2000, 8, 20), new BigDecimal("28.6090"), new BigDecimal("77.2362"));
    }

    private ProviderOutcome<SentOtp> answered(int status, Map<String, Object> body) {
        transport.answer(status, body);
        return client.sendOtp(pagesExample(TransferType.IMPS));
    }

    @Test
    void theRequestIsThePagesExampleExactlyWithOneTxntypeOfTheListedChoices() {
        for (TransferType type : TransferType.values()) {
            transport.answer(200, object("/dmt/send-200.json"));
            client.sendOtp(pagesExample(type));
        }
        Map<String, Object> example = object("/dmt/request.json");
        for (int i = 0; i < TransferType.values().length; i++) {
            RecordingTransport.Exchange sent = transport.exchanges().get(i);
            assertEquals("POST", sent.method());
            assertEquals(URI.create("http://dmt.test/api/AOP/DMTV1/TransactionSendOtp"), sent.uri());
            Map<String, Object> expected = new java.util.LinkedHashMap<>(example);
            expected.put("Txntype", TransferType.values()[i].name()); // the page's "IMPS/NEFT" lists the choices
            assertEquals(expected, sent.body());
            assertEquals(new ArrayList<>(example.keySet()), new ArrayList<>(((Map<?, ?>) sent.body()).keySet()),
                    "the page's key order, Longitute spelled as the provider spells it");
        }
        assertEquals("IMPS", ((Map<?, ?>) transport.exchanges().get(0).body()).get("Txntype"));
    }

    @Test
    void the200ExampleIsATransferOtpCarryingStateresp() {
        SentOtp sent = (SentOtp) assertInstanceOf(ProviderOutcome.Accepted.class,
                answered(200, object("/dmt/send-200.json"))).value();
        assertEquals(new SentOtp(SentOtp.Purpose.TRANSFER, "465185569"), sent);
    }

    @Test
    void the200SchemasDataObjectIsIgnored() {
        Map<String, Object> body = object("/dmt/send-200.json");
        body.put("data", ProviderPageExample.parse("""
                {"fname": "A", "lname": "B", "mobile": "9999999988", "status": "active",
                 "bank3_limit": 25000, "bank3_status": "active", "bank2_limit": 25000, "bank1_limit": 25000}"""));
        assertEquals(new SentOtp(SentOtp.Purpose.TRANSFER, "465185569"),
                assertInstanceOf(ProviderOutcome.Accepted.class, answered(200, body)).value());
    }

    @Test
    void the202ExampleIsARegistrationOtpWhetherSentAs202OrAs200() {
        SentOtp expected = new SentOtp(SentOtp.Purpose.REGISTRATION, "b3c1e519-cf15-4145-8c26-c3d03e9d2f00");
        assertEquals(expected, assertInstanceOf(ProviderOutcome.Accepted.class,
                answered(202, object("/dmt/send-202.json"))).value());
        assertEquals(expected, assertInstanceOf(ProviderOutcome.Accepted.class,
                answered(200, object("/dmt/send-202.json"))).value());
    }

    @Test
    void the401IsAnAuthenticationFailureWhicheverWayItsCodeIsSpelled() {
        var example = assertInstanceOf(ProviderOutcome.Rejected.class, answered(401, object("/dmt/send-401.json")));
        assertEquals("11", example.code());
        assertEquals("Authentication failed", example.message());
        assertEquals(ProviderOutcome.Reason.AUTHENTICATION_FAILED, example.reason());

        Map<String, Object> schema = object("/dmt/send-401.json");
        schema.put("responsecode", schema.remove("response_code"));
        var bySchema = assertInstanceOf(ProviderOutcome.Rejected.class, answered(401, schema));
        assertEquals("11", bySchema.code());
        assertEquals(ProviderOutcome.Reason.AUTHENTICATION_FAILED, bySchema.reason());

        var inA200 = assertInstanceOf(ProviderOutcome.Rejected.class, answered(200, object("/dmt/send-401.json")));
        assertEquals(ProviderOutcome.Reason.AUTHENTICATION_FAILED, inA200.reason());
    }

    @Test
    void aPlainRefusalIsARejectionAndAnythingUnrecognisedIsUnknown() {
        var refused = assertInstanceOf(ProviderOutcome.Rejected.class, answered(200,
                ProviderPageExample.parse("{\"status\": false, \"response_code\": 0, \"message\": \"Invalid BeneID\"}")));
        assertEquals("0", refused.code());
        assertEquals("Invalid BeneID", refused.message());
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(200, Map.of("message", "queued")));
        assertInstanceOf(ProviderOutcome.Unknown.class, answered(502, Map.of()));
        transport.answer(ProviderAnswer.unreadable(401));
        assertEquals(ProviderOutcome.Reason.AUTHENTICATION_FAILED, assertInstanceOf(ProviderOutcome.Rejected.class,
                client.sendOtp(pagesExample(TransferType.IMPS))).reason());
    }
}
