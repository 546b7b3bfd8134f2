package io.payorch.bootstrap.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ParallelRetries;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key on POST /v1/qr-codes against an AOPay stub that answers slowly, over real HTTP. */
@MicronautTest(environments = "sandbox")
class IdempotencyKeyTest extends ApiTestSupport {

    private static final String PATH = "/api/AOP/V4/DynamicQRCode";
    private static final WireMockServer AOPAY = new WireMockServer(wireMockConfig().dynamicPort());

    @Override
    protected Map<String, String> extraProperties() {
        if (!AOPAY.isRunning()) {
            AOPAY.start();
        }
        return Map.of("payorch.providers.aop.base-url", AOPAY.baseUrl(), "payorch.providers.aop.read-timeout", "5s");
    }

    @AfterAll
    void stop() {
        AOPAY.stop();
    }

    @BeforeEach
    void stub() {
        AOPAY.resetAll();
        String expires = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
        AOPAY.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"qr_stub1\",\"txnRefranceID\":\"AOPREF1\",\"entity\":\"qr_code\","
                        + "\"UPIIntend\":\"upi://pay?ver=01&mode=22&pa=aop@upi&pn=SHOP&tr=AOPREF1&cu=INR&am=25.00\","
                        + "\"PaymentAmount\":25,\"status\":\"active\",\"ExpireDateTime\":\"" + expires + "\","
                        + "\"Status\":\"True\",\"message\":\"QR Code Generated\",\"Value\":\"\"}")));
    }

    @Test
    void fiftyParallelRetriesMakeOneProviderCallOneQrAndOneAnswer() throws Exception {
        String registrationId = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"25.00\",\"provider\":\"AOP\"}";
        String key = "key-" + UUID.randomUUID();

        String first = ParallelRetries.sendAndExpectOneAnswer(api, "/v1/qr-codes", body, key, 50);

        HttpResponse<String> replay = api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of("Idempotency-Key", key));
        assertEquals(201, replay.statusCode());
        assertEquals(first, replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));

        // field order and spacing do not make a different request
        String reordered = "{ \"provider\":\"AOP\", \"amount\":\"25.00\", \"registrationId\":\"" + registrationId + "\" }";
        assertEquals(replay.body(), api.post("/v1/qr-codes", ApiCalls.merchant(), reordered,
                Map.of("Idempotency-Key", key)).body());

        assertEquals(1, AOPAY.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount());
        assertEquals(1, qrsWithRegistration(registrationId));

        String other = "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"26.00\",\"provider\":\"AOP\"}";
        HttpResponse<String> reused = api.post("/v1/qr-codes", ApiCalls.merchant(), other, Map.of("Idempotency-Key", key));
        assertEquals(422, reused.statusCode());
        assertTrue(reused.body().contains("\"code\":\"idempotency_key_reused\""), reused.body());
        assertEquals(1, AOPAY.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount());
    }

    @Test
    void aValidationFailureReleasesTheKeySoTheCorrectedRequestRuns() {
        String registrationId = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "fix-" + UUID.randomUUID();

        HttpResponse<String> invalid = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"25.001\",\"provider\":\"AOP\"}",
                Map.of("Idempotency-Key", key));
        assertEquals(400, invalid.statusCode());
        assertEquals(0, recordsWithKey(key));

        HttpResponse<String> corrected = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"25.00\",\"provider\":\"AOP\"}",
                Map.of("Idempotency-Key", key));
        assertEquals(201, corrected.statusCode(), corrected.body());
        assertEquals(1, recordsWithKey(key));
    }

    @Test
    void keysAreScopedToTheClientAndLimitedTo255Characters() {
        String registrationId = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"25.00\",\"provider\":\"AOP\"}";
        String key = "shared-" + UUID.randomUUID();

        assertEquals(201, api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of("Idempotency-Key", key)).statusCode());
        assertEquals(201, api.post("/v1/qr-codes", ApiCalls.admin(), body, Map.of("Idempotency-Key", key)).statusCode());
        assertEquals(2, qrsWithRegistration(registrationId));

        HttpResponse<String> tooLong = api.post("/v1/qr-codes", ApiCalls.merchant(), body,
                Map.of("Idempotency-Key", "k".repeat(256)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("\"field\":\"Idempotency-Key\""), tooLong.body());
        assertEquals(2, qrsWithRegistration(registrationId));
    }

    @Test
    void aClaimLeftByACrashedInstanceIsTakenOverAfterTheConfiguredTime() throws Exception {
        String registrationId = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"25.00\",\"provider\":\"AOP\"}";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ("{\"amount\":\"25.00\",\"provider\":\"AOP\",\"registrationId\":\"" + registrationId + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        String live = "live-" + UUID.randomUUID();
        String dead = "dead-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        Instant now = Instant.now();
        insertClaim(live, hash, now.minusSeconds(5));
        insertClaim(dead, hash, now.minus(10, ChronoUnit.MINUTES));
        insertClaim(other, "0".repeat(64), now.minusSeconds(5));

        assertEquals(409, api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of("Idempotency-Key", live)).statusCode());
        assertEquals(422, api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of("Idempotency-Key", other)).statusCode());
        assertEquals(0, AOPAY.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount());

        HttpResponse<String> taken = api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of("Idempotency-Key", dead));
        assertEquals(201, taken.statusCode(), taken.body());
        assertEquals(1, AOPAY.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount());
        assertEquals(taken.body(), api.post("/v1/qr-codes", ApiCalls.merchant(), body,
                Map.of("Idempotency-Key", dead)).body());
    }

    private static void insertClaim(String key, String hash, Instant claimedAt) {
        Sql.update("INSERT INTO idempotency_record (client_id, operation, idempotency_key, request_hash, claim_token,"
                        + " claimed_at, expires_at) VALUES ('sandbox-merchant', 'create-qr', ?, ?, 'dead-instance', ?, ?)",
                key, hash, Timestamp.from(claimedAt), Timestamp.from(claimedAt.plus(1, ChronoUnit.DAYS)));
    }

    private static long qrsWithRegistration(String registrationId) {
        return Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", registrationId);
    }

    private static long recordsWithKey(String key) {
        return Sql.count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", key);
    }
}
