package io.payorch.bootstrap.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.bootstrap.transport.MicronautProviderTransport;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.domain.ProviderQr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link QrProviderPort}, run against every QR adapter over real HTTP: a WireMock
 * stub answers exactly like the provider's page (its own example bodies), and every way a call can
 * go wrong is classified the same way for every provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QrProviderContractTest {

    static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    protected WireMockServer wireMock;
    private MicronautProviderTransport transport;

    /** The adapter under test, talking to {@code endpoint}. */
    protected abstract QrProviderPort adapter(ProviderEndpoint endpoint, ProviderTransport transport);

    /** The QR call's path. */
    protected abstract String path();

    /** A request matching the page's example (its amount), which the adapter accepts. */
    protected abstract QrProviderRequest request();

    /** The page's success example, as the provider sends it. */
    protected abstract String successBody();

    /** What the page's success example means in payorch's terms. */
    protected abstract void assertIsThePagesExample(ProviderQr qr);

    /** The page's documented error: HTTP status, body, and the code and message payorch must carry. */
    protected abstract DocumentedError documentedError();

    /** Anything the provider needs besides the QR call (BOS's token endpoint). */
    protected void stubPrerequisites() {
    }

    record DocumentedError(int status, String body, String code, String message) {
    }

    @BeforeAll
    void startStub() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(Duration.ofSeconds(1));
        configuration.setReadTimeout(READ_TIMEOUT);
        transport = new MicronautProviderTransport(HttpClient.create(null, configuration), JsonMapper.createDefault());
        // a cold client's first call is slow on a busy machine: keep it out of the timing-sensitive cases
        transport.exchange("GET", URI.create(wireMock.baseUrl() + "/warm-up"), Map.of(), null,
                answer -> new ProviderOutcome.NotAttempted<>("warm-up"));
    }

    @AfterAll
    void stopStub() {
        transport.close();
        wireMock.stop();
    }

    @BeforeEach
    void resetStub() {
        wireMock.resetAll();
        stubPrerequisites();
    }

    protected QrProviderPort adapter() {
        return adapter(endpointAt(URI.create(wireMock.baseUrl())), transport);
    }

    protected ProviderTransport transport() {
        return transport;
    }

    protected static ProviderEndpoint endpointAt(URI baseUrl) {
        return new ProviderEndpoint(true, () -> baseUrl, Duration.ofSeconds(1), READ_TIMEOUT, Map.of());
    }

    private void stubQr(ResponseDefinitionBuilder answer) {
        MappingBuilder call = post(urlPathEqualTo(path()));
        wireMock.stubFor(call.willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void thePagesSuccessExampleIsAnAcceptedQr() {
        stubQr(json(200, successBody()));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.Accepted<?> accepted = assertInstanceOf(ProviderOutcome.Accepted.class, outcome);
        assertIsThePagesExample((ProviderQr) accepted.value());
        assertTrue(adapter().check(request()).isEmpty(), "the example request is eligible");
    }

    @Test
    void thePagesDocumentedErrorIsARejectionWithTheProvidersCodeAndMessage() {
        DocumentedError error = documentedError();
        stubQr(json(error.status(), error.body()));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.Rejected<?> rejected = assertInstanceOf(ProviderOutcome.Rejected.class, outcome);
        assertEquals(error.code(), rejected.code());
        assertEquals(error.message(), rejected.message());
        assertEquals(ProviderOutcome.Reason.INVALID_REQUEST, rejected.reason(), "every documented error is a 400");
    }

    @Test
    void noAnswerWithinTheReadTimeoutIsUnknownAndTimedOut() {
        stubQr(json(200, successBody()).withFixedDelay((int) READ_TIMEOUT.toMillis() * 3));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class, outcome);
        assertTrue(unknown.timedOut());
    }

    @Test
    void aServerErrorWithAnHtmlPageIsUnknown() {
        stubQr(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>500 Internal Server Error</h1></body></html>"));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class, outcome);
        assertFalse(unknown.timedOut());
        assertTrue(unknown.reason().contains("500"), unknown.reason());
    }

    @Test
    void malformedJsonIsUnknown() {
        String truncated = successBody().substring(0, successBody().length() / 2);
        stubQr(json(200, truncated));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class, outcome);
        assertFalse(unknown.timedOut());
    }

    @Test
    void aRefusedConnectionIsNotAttempted() {
        QrProviderPort unreachable = adapter(endpointAt(URI.create("http://127.0.0.1:" + ProviderPages.closedPort())),
                transport);

        ProviderOutcome<ProviderQr> outcome = unreachable.create(request());

        assertInstanceOf(ProviderOutcome.NotAttempted.class, outcome);
    }
}
