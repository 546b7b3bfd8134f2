package io.payorch.adapters.bos;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.payorch.wire.ProviderPageExample.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BOS's V4 DynamicQRCode mapping and bearer token against the examples of its page (bos-dynamic-qr.txt). */
class BosQrWireTest {

    private final RecordingTransport transport = new RecordingTransport();
    private final BosQrClient client = new BosQrClient(
            ProviderEndpoint.of(URI.create("http://bos.test"), Duration.ofSeconds(5)), transport,
            new BosCredentials("/api/BOS/token", "merchant", "pa55word", Duration.ofSeconds(30)),
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    private static QrProviderRequest request() {
        return new QrProviderRequest("qr_1", "BOS-554", Money.parse("10"), QrUsage.SINGLE_USE, null, null, null,
                Map.of());
    }

    private static Map<String, Object> token(String value) {
        return ProviderPageExample.parse("{\"access_token\": \"" + value + "\", \"token_type\": \"Bearer\", \"expires_in\": 600}");
    }

    @Test
    void aTokenIsFetchedThenTheQrCallCarriesItAndThePagesBodyExactly() {
        transport.answer(200, token("tok-1")).answer(200, object("/bos/create-200.json"));

        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, client.create(request())).value();

        List<RecordingTransport.Exchange> sent = transport.exchanges();
        assertEquals(2, sent.size());
        assertEquals(URI.create("http://bos.test/api/BOS/token"), sent.get(0).uri());
        assertEquals(Map.of("username", "merchant", "password", "pa55word"), sent.get(0).body());
        assertEquals("POST", sent.get(1).method());
        assertEquals(URI.create("http://bos.test/api/BOS/V4/DynamicQRCode"), sent.get(1).uri());
        assertEquals("Bearer tok-1", sent.get(1).headers().get("Authorization"));
        assertEquals(object("/bos/request.json"), sent.get(1).body());
        assertEquals(Provider.BOS, qr.provider());
        assertEquals("BOS554V221201", qr.providerReference());
        assertEquals(Instant.parse("2024-07-28T18:06:09Z"), qr.expiresAt());
    }

    @Test
    void theTokenIsReusedWithinItsLife() {
        transport.answer(200, token("tok-1")).answer(200, object("/bos/create-200.json"))
                .answer(200, object("/bos/create-200.json"));
        client.create(request());
        client.create(request());
        assertEquals(3, transport.exchanges().size(), "one token fetch for two QRs");
    }

    @Test
    void aRefusedTokenIsRefreshedAndTheQrAskedOnceMore() {
        transport.answer(200, token("tok-1")).answer(401, Map.of("message", "expired"))
                .answer(200, token("tok-2")).answer(200, object("/bos/create-200.json"));

        assertInstanceOf(ProviderOutcome.Accepted.class, client.create(request()));
        assertEquals("Bearer tok-2", transport.exchanges().get(3).headers().get("Authorization"));
    }

    @Test
    void aFreshTokenRefusedAgainIsNotAttemptedNotALoop() {
        transport.answer(200, token("tok-1")).answer(401, Map.of())
                .answer(200, token("tok-2")).answer(401, Map.of());
        assertInstanceOf(ProviderOutcome.NotAttempted.class, client.create(request()));
        assertEquals(4, transport.exchanges().size());
    }

    @Test
    void noTokenMeansTheQrCallIsNeverMade() {
        transport.answer(401, Map.of("status", "ERROR", "subCode", "401", "message", "bad credentials"));
        var outcome = assertInstanceOf(ProviderOutcome.NotAttempted.class, client.create(request()));
        assertTrue(outcome.reason().contains("bad credentials"), outcome.reason());
        assertEquals(1, transport.exchanges().size());
    }

    @Test
    void theSchemasTokenAndExpiresInSpellingsAreRead() {
        transport.answer(200, ProviderPageExample.parse("{\"token\": \"tok-9\", \"expiresIn\": \"600\"}"))
                .answer(200, object("/bos/create-200.json"));
        assertInstanceOf(ProviderOutcome.Accepted.class, client.create(request()));
        assertEquals("Bearer tok-9", transport.exchanges().get(1).headers().get("Authorization"));
    }

    @Test
    void theDocumented400IsARejection() {
        transport.answer(200, token("tok-1")).answer(400, object("/bos/create-400.json"));
        var rejected = assertInstanceOf(ProviderOutcome.Rejected.class, client.create(request()));
        assertEquals("400", rejected.code());
        assertEquals("VPA does not exist for the account provided", rejected.message());
        assertEquals(ProviderOutcome.Reason.INVALID_REQUEST, rejected.reason());
    }
}
