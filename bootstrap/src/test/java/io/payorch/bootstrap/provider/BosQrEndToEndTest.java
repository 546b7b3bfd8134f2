package io.payorch.bootstrap.provider;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.adapters.bos.BosQrClient;
import io.payorch.application.testing.MutableClock;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.bootstrap.support.WireMockEndToEndSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * POST /v1/qr-codes through BOS: its bearer token is fetched with the configured credentials,
 * shared by concurrent requests, and refreshed once when BOS refuses it.
 */
@MicronautTest
class BosQrEndToEndTest extends WireMockEndToEndSupport {

    static final String TOKEN_PATH = "/api/BOS/V4/Token";
    static final String CREDENTIALS = "{\"username\": \"bos-user\", \"password\": \"bos-pass\"}";

    /** Each test starts an hour after the last, so no token of an earlier test is still usable. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> providerProperties() {
        return Map.of("payorch.providers.bos.base-url", wireMock.baseUrl(),
                "payorch.providers.bos.username", "bos-user",
                "payorch.providers.bos.password", "bos-pass",
                "payorch.providers.bos.token-path", TOKEN_PATH,
                "payorch.providers.bos.token-safety-margin", "60s");
    }

    @BeforeEach
    void aFreshHour() {
        clock.advance(Duration.ofHours(1));
    }

    private void stubToken(String token, int delayMillis) {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(equalToJson(CREDENTIALS))
                .willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": 600}")));
    }

    private void stubQrFor(String token) {
        wireMock.stubFor(post(urlPathEqualTo(BosQrClient.PATH)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ProviderPages.body("bos-success.json"))));
    }

    private Answer createBos() {
        return create(Map.of("registrationId", "BOS-554", "amount", "10", "provider", "BOS"));
    }

    @Test
    void createsAnActiveQrWithTheDocumentedRequestAndBearerToken() {
        stubToken("tok-A", 0);
        stubQrFor("tok-A");

        Answer answer = createBos();

        assertEquals(201, answer.status());
        Map<String, Object> qr = answer.qr();
        assertEquals("ACTIVE", qr.get("status"));
        assertEquals("BOS", qr.get("provider"));
        assertEquals("BOS554V221201", qr.get("providerReference"));
        assertEquals("2024-07-28T18:06:09Z", qr.get("expiresAt"));
        String id = (String) qr.get("id");
        assertEquals("ACTIVE", rows.column(id, "status"));
        assertEquals("BOS554V221201", rows.column(id, "provider_reference"));
        assertEquals("2024-07-28T18:06:09Z",
                rows.column(id, "to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson(CREDENTIALS, false, false)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(BosQrClient.PATH))
                .withHeader("Authorization", equalTo("Bearer tok-A"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"RegistrationID\": \"BOS-554\", \"amount\": \"10\"}", false, false)));
    }

    @Test
    void fiftyConcurrentCreatesFetchOneToken() throws Exception {
        stubToken("tok-shared", 400); // slow enough that every request arrives while it is in flight
        stubQrFor("tok-shared");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return createBos();
                }));
            }
            start.countDown();
            for (Future<Answer> answer : answers) {
                assertEquals(201, answer.get().status());
                assertEquals("ACTIVE", answer.get().qr().get("status"));
            }
        } finally {
            pool.shutdownNow();
        }
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(exactly(50), postRequestedFor(urlPathEqualTo(BosQrClient.PATH))
                .withHeader("Authorization", equalTo("Bearer tok-shared")));
    }

    @Test
    void aRevokedTokenIsRefreshedOnceAndTheRequestSucceeds() {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("revocation")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("revoked")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"tok-old\", \"token_type\": \"Bearer\", \"expires_in\": 600}")));
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("revocation").whenScenarioStateIs("revoked")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"tok-new\", \"token_type\": \"Bearer\", \"expires_in\": 600}")));
        wireMock.stubFor(post(urlPathEqualTo(BosQrClient.PATH)).withHeader("Authorization", equalTo("Bearer tok-old"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"ERROR\", \"subCode\": \"401\", \"message\": \"Invalid or expired token\"}")));
        stubQrFor("tok-new");

        Answer answer = createBos();

        assertEquals(201, answer.status());
        assertEquals("ACTIVE", rows.column((String) answer.qr().get("id"), "status"));
        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(BosQrClient.PATH))
                .withHeader("Authorization", equalTo("Bearer tok-old")));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(BosQrClient.PATH))
                .withHeader("Authorization", equalTo("Bearer tok-new")));

        createBos(); // the fresh token is kept
        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void anExpiredTokenIsReplacedBeforeItIsUsed() {
        stubToken("tok-1", 0);
        stubQrFor("tok-1");
        assertEquals(201, createBos().status());

        clock.advance(Duration.ofSeconds(541)); // 600 s life less the 60 s margin has passed
        wireMock.resetAll();
        stubToken("tok-2", 0);
        stubQrFor("tok-2");

        assertEquals(201, createBos().status());
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(BosQrClient.PATH))
                .withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void neitherTheTokenNorTheCredentialsAppearInTheLogEvenAtDebug() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger payorch = (Logger) LoggerFactory.getLogger("io.payorch");
        Logger httpClient = (Logger) LoggerFactory.getLogger("io.micronaut.http.client");
        Level payorchLevel = payorch.getLevel();
        Level clientLevel = httpClient.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        payorch.setLevel(Level.DEBUG);
        httpClient.setLevel(Level.DEBUG);
        try {
            wireMock.stubFor(post(urlPathEqualTo(BosQrClient.PATH)).withHeader("Authorization", equalTo("Bearer tok-secret-1"))
                    .willReturn(aResponse().withStatus(401)));
            wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("log").whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo("second").willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\": \"tok-secret-1\", \"expires_in\": 600}")));
            wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("log").whenScenarioStateIs("second")
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\": \"tok-secret-2\", \"expires_in\": 600}")));
            stubQrFor("tok-secret-2");

            assertEquals(201, createBos().status());
        } finally {
            root.detachAppender(captured);
            payorch.setLevel(payorchLevel);
            httpClient.setLevel(clientLevel);
        }
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertFalse(line.contains("tok-secret") || line.contains("bos-pass"), line);
        }
    }
}
