package io.payorch.bootstrap.provider;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.adapters.aop.AopQrClient;
import io.payorch.adapters.bos.BosQrClient;
import io.payorch.adapters.oqpay.OqpayQrClient;
import io.payorch.bootstrap.config.ProviderRegistry;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.bootstrap.support.WireMockEndToEndSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Routing with no provider named: the configured order OQPAY, AOP, BOS (Razorpay off); OQPay is
 * skipped when the request does not suit it; a provider that times out or cannot be reached
 * hands over to the next; a rejection is final; every attempt is recorded.
 */
@MicronautTest
class RoutingEndToEndTest extends WireMockEndToEndSupport {

    static final String CLOSED = "http://127.0.0.1:" + ProviderPages.closedPort();

    @Inject
    ProviderRegistry providers;

    @Override
    protected Map<String, String> providerProperties() {
        return Map.of("payorch.qr.routing-order", "OQPAY,AOP,BOS,RAZORPAY",
                "payorch.providers.oqpay.base-url", wireMock.baseUrl(),
                "payorch.providers.aop.base-url", wireMock.baseUrl(),
                "payorch.providers.aop.read-timeout", "3s",
                "payorch.providers.bos.base-url", wireMock.baseUrl(),
                "payorch.providers.bos.read-timeout", "3s",
                "payorch.providers.bos.username", "bos-user",
                "payorch.providers.bos.password", "bos-pass",
                "payorch.providers.razorpay.enabled", "false");
    }

    @BeforeEach
    void bosIssuesTokens() {
        wireMock.stubFor(post(urlPathEqualTo("/api/BOS/V4/Token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"tok\", \"token_type\": \"Bearer\", \"expires_in\": 600}")));
    }

    @AfterEach
    void everyProviderBackOnTheStub() {
        providers.properties("aop").setBaseUrl(URI.create(wireMock.baseUrl()));
        providers.properties("bos").setBaseUrl(URI.create(wireMock.baseUrl()));
    }

    private void stub(String path, int status, String body, int delayMillis) {
        wireMock.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status).withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private Answer createWithoutProvider() {
        return create(Map.of("registrationId", "R-554", "amount", "10"));
    }

    @Test
    void aTimeoutAtTheFirstProviderHandsOverToTheNextAndBothAttemptsAreRecorded() {
        stub(AopQrClient.PATH, 200, ProviderPages.body("aop-success.json"), 9000);
        stub(BosQrClient.PATH, 200, ProviderPages.body("bos-success.json"), 0);

        Answer answer = createWithoutProvider();

        assertEquals(201, answer.status());
        assertEquals("BOS", answer.qr().get("provider"));
        assertEquals("BOS554V221201", answer.qr().get("providerReference"));
        String id = (String) answer.qr().get("id");
        assertEquals("ACTIVE", rows.column(id, "status"));
        assertEquals("BOS", rows.column(id, "provider"));
        assertEquals(List.of("AOP unknown", "BOS accepted"), rows.attempts(id));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(OqpayQrClient.PATH)));
    }

    @Test
    void aRefusedConnectionAtTheFirstProviderHandsOverToTheNext() {
        providers.properties("aop").setBaseUrl(URI.create(CLOSED));
        stub(BosQrClient.PATH, 200, ProviderPages.body("bos-success.json"), 0);

        Answer answer = createWithoutProvider();

        assertEquals(201, answer.status());
        assertEquals("BOS", answer.qr().get("provider"));
        assertEquals(List.of("AOP not_attempted", "BOS accepted"), rows.attempts((String) answer.qr().get("id")));
    }

    @Test
    void aRequestThatSuitsOqpayGoesThereFirst() {
        stub(OqpayQrClient.PATH, 500, "<html><body>Bad gateway</body></html>", 0);
        stub(AopQrClient.PATH, 200, ProviderPages.body("aop-success.json").replace("&am=10", "&am=500"), 0);

        Answer answer = create(Map.of("registrationId", "R-554", "amount", "500", "customer",
                Map.of("name", "Ajay Singh", "mobile", "9876543210", "email", "ajaysingh1898@gmail.com")));

        assertEquals(201, answer.status());
        assertEquals("AOP", answer.qr().get("provider"));
        assertEquals(List.of("OQPAY unknown", "AOP accepted"), rows.attempts((String) answer.qr().get("id")));
    }

    @Test
    void aRejectionIsReturnedAsItIsWithoutTryingTheNext() {
        stub(AopQrClient.PATH, 400, ProviderPages.body("v4-error.json"), 0);
        stub(BosQrClient.PATH, 200, ProviderPages.body("bos-success.json"), 0);

        Answer answer = createWithoutProvider();

        assertEquals(422, answer.status());
        assertEquals("AOP", answer.provider().get("name"));
        String id = (String) answer.qr().get("id");
        assertEquals("FAILED", rows.column(id, "status"));
        assertEquals(List.of("AOP rejected"), rows.attempts(id));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(BosQrClient.PATH)));
    }

    @Test
    void withEveryProviderUnreachableItIs502AndTheQrIsFailedNotLost() {
        providers.properties("aop").setBaseUrl(URI.create(CLOSED));
        providers.properties("bos").setBaseUrl(URI.create(CLOSED));

        Answer answer = createWithoutProvider();

        assertEquals(502, answer.status());
        String id = (String) answer.qr().get("id");
        assertEquals("FAILED", rows.column(id, "status"));
        assertEquals(List.of("AOP not_attempted", "BOS not_attempted"), rows.attempts(id));
    }

    @Test
    void withTheLastProviderTimingOutItIs504AndTheQrIsUnknown() {
        providers.properties("aop").setBaseUrl(URI.create(CLOSED));
        stub(BosQrClient.PATH, 200, ProviderPages.body("bos-success.json"), 9000);

        Answer answer = createWithoutProvider();

        assertEquals(504, answer.status());
        String id = (String) answer.qr().get("id");
        assertEquals("UNKNOWN", rows.column(id, "status"));
        assertEquals(List.of("AOP not_attempted", "BOS unknown"), rows.attempts(id));
    }
}
