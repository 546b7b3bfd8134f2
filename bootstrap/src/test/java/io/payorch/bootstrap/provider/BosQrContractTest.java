package io.payorch.bootstrap.provider;

import io.payorch.adapters.bos.BosCredentials;
import io.payorch.adapters.bos.BosQrClient;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.bootstrap.support.MutableClock;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The port's contract for BOS, plus its bearer token's rules at the adapter's edge. */
class BosQrContractTest extends QrProviderContractTest {

    static final String TOKEN_PATH = "/api/BOS/V4/Token";
    static final String TOKEN = "contract-token-5f1c";

    private Clock clock = Clock.systemUTC();

    @Override
    protected QrProviderPort adapter(ProviderEndpoint endpoint, ProviderTransport transport) {
        return new BosQrClient(endpoint, transport,
                new BosCredentials(TOKEN_PATH, "bos-user", "bos-pass", Duration.ofSeconds(60)), clock);
    }

    @Override
    protected void stubPrerequisites() {
        clock = Clock.systemUTC();
        stubToken(TOKEN, 600);
    }

    private void stubToken(String token, int expiresIn) {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson("{\"username\": \"bos-user\", \"password\": \"bos-pass\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": "
                                + expiresIn + "}")));
    }

    @Override
    protected String path() {
        return BosQrClient.PATH;
    }

    @Override
    protected QrProviderRequest request() {
        return new QrProviderRequest("qr_test", "BOS-554", Money.ofRupees(10), QrUsage.SINGLE_USE, null, null, null,
                null);
    }

    @Override
    protected String successBody() {
        return ProviderPages.body("bos-success.json");
    }

    @Override
    protected void assertIsThePagesExample(ProviderQr qr) {
        assertEquals(Provider.BOS, qr.provider());
        assertEquals("BOS554V221201", qr.providerReference());
        assertTrue(qr.upiIntent().endsWith("&am=10"));
        assertNull(qr.imageUrl());
        assertEquals(Instant.parse("2024-07-28T18:06:09Z"), qr.expiresAt());
        wireMock.verify(postRequestedFor(urlPathEqualTo(BosQrClient.PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Override
    protected DocumentedError documentedError() {
        return new DocumentedError(400, ProviderPages.body("v4-error.json"), "400",
                "VPA does not exist for the account provided");
    }

    @Test
    void aTokenIsReusedForItsLifeLessTheMarginThenFetchedAgain() {
        MutableClock time = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        clock = time;
        wireMock.stubFor(post(urlPathEqualTo(path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(successBody())));
        QrProviderPort bos = adapter();

        bos.create(request());
        time.advance(Duration.ofSeconds(539));
        bos.create(request());
        assertEquals(1, wireMock.countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build()).getCount());

        time.advance(Duration.ofSeconds(2)); // 541 s: past 600 s less the 60 s margin
        assertInstanceOf(ProviderOutcome.Accepted.class, bos.create(request()));
        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(exactly(3), postRequestedFor(urlPathEqualTo(path())));
    }

    @Test
    void aTokenEndpointRefusingTheCredentialsMeansTheQrCallIsNotAttempted() {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"ERROR\", \"subCode\": \"401\", \"message\": \"Invalid credentials\"}")));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.NotAttempted<?> notAttempted = assertInstanceOf(ProviderOutcome.NotAttempted.class, outcome);
        assertTrue(notAttempted.reason().contains("Invalid credentials"), notAttempted.reason());
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(path())));
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerMeansTheQrCallIsNotAttempted() {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) READ_TIMEOUT.toMillis() * 3)
                .withBody("{\"access_token\": \"late\", \"expires_in\": 600}")));

        assertInstanceOf(ProviderOutcome.NotAttempted.class, adapter().create(request()));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(path())));
    }

    @Test
    void anUnreachableTokenEndpointMeansNotAttempted() {
        QrProviderPort unreachable = adapter(endpointAt(URI.create("http://127.0.0.1:" + ProviderPages.closedPort())),
                transport());

        assertInstanceOf(ProviderOutcome.NotAttempted.class, unreachable.create(request()));
    }

    @Test
    void aFreshTokenRefusedAgainIsNotAttemptedAfterOneRetryAndNoTokenIsShown() {
        wireMock.stubFor(post(urlPathEqualTo(path())).willReturn(aResponse().withStatus(401)));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.NotAttempted<?> notAttempted = assertInstanceOf(ProviderOutcome.NotAttempted.class, outcome);
        assertFalse(notAttempted.reason().contains(TOKEN));
        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(path())));
    }
}
