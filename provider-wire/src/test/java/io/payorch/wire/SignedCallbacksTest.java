package io.payorch.wire;

import io.payorch.application.webhook.ProviderNotification;
import io.payorch.domain.DomainException;
import io.payorch.domain.Provider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What makes a signed notification malformed beyond missing fields: wrong JSON types, overlong or control-character ids. */
class SignedCallbacksTest {

    private static final SignedCallbacks AOP = new SignedCallbacks(Provider.AOP, List.of(), V4QrFormat.REFERENCE_FIELDS);

    private static Map<String, Object> callback() {
        Map<String, Object> body = new HashMap<>();
        body.put("eventId", "EVT-1");
        body.put("txnRefranceID", "AOPREF1");
        body.put("amount", "10.00");
        body.put("paymentId", "PAY-1");
        body.put("utr", "412345678901");
        return body;
    }

    private static String refusedField(Map<String, Object> body) {
        return assertThrows(DomainException.class, () -> AOP.read(body, null)).field();
    }

    @Test
    void aWellFormedCallbackIsRead() {
        ProviderNotification n = AOP.read(callback(), null);
        assertEquals("PAY-1", n.payment().paymentId());
        assertEquals(List.of("AOPREF1"), n.providerReferences());
    }

    @Test
    void idsGivenAsObjectsArraysOrBooleansAreRefused() {
        for (Object odd : List.of(List.of(), Map.of("x", 1), Boolean.TRUE)) {
            for (String field : List.of("eventId", "txnRefranceID", "paymentId", "utr", "amount")) {
                Map<String, Object> body = callback();
                body.put(field, odd);
                assertEquals(field, refusedField(body), field + " = " + odd);
            }
        }
    }

    @Test
    void overlongOrControlCharacterIdsAreRefused() {
        Map<String, Object> body = callback();
        body.put("eventId", "E".repeat(256));
        assertEquals("eventId", refusedField(body));
        body = callback();
        body.put("paymentId", "P".repeat(129));
        assertEquals("paymentId", refusedField(body));
        body = callback();
        body.put("utr", "U".repeat(129));
        assertEquals("upiReference", refusedField(body));
        body = callback();
        body.put("paymentId", "nul\u0000");
        assertEquals("paymentId", refusedField(body));
        body = callback();
        body.put("txnRefranceID", "ref\r\n");
        assertEquals("reference", refusedField(body));
        body = callback();
        body.put("event", "qr.closed");
        body.put("closeReason", "r".repeat(65));
        assertEquals("closeReason", refusedField(body));
    }

    @Test
    void aNumericIdIsText() {
        Map<String, Object> body = callback();
        body.put("paymentId", 123456789L);
        assertEquals("123456789", AOP.read(body, null).payment().paymentId());
    }
}
