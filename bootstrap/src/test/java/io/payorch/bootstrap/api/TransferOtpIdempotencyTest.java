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
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idempotency-Key on POST /v1/transfer-otps: 50 parallel requests with one key and one body make
 * one call to the DMT provider (a WireMock stub answering like AOPay's TransactionSendOtp page,
 * slowly), one OTP row and 50 identical answers; the same key with another body is 422.
 */
@MicronautTest(environments = "sandbox")
class TransferOtpIdempotencyTest extends ApiTestSupport {

    private static final String PATH = "/api/AOP/DMTV1/TransactionSendOtp";
    private static final WireMockServer DMT = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(60));

    @Override
    protected Map<String, String> extraProperties() {
        if (!DMT.isRunning()) {
            DMT.start();
        }
        return Map.of("payorch.providers.dmt.base-url", DMT.baseUrl(), "payorch.providers.dmt.read-timeout", "5s");
    }

    @AfterAll
    void stop() {
        DMT.stop();
    }

    @BeforeEach
    void stub() {
        DMT.resetAll();
        DMT.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":true,\"response_code\":1,\"message\":\"OTP has been send to the remitter mobile"
                        + " number.\",\"stateresp\":\"465185569\",\"Status\":\"True\",\"Value\":\"OTP has been send to"
                        + " the remitter mobile number.\"}")));
    }

    private static String body(String registrationId, String amount) {
        return "{\"registrationId\":\"" + registrationId + "\",\"remitterMobile\":\"9876543210\","
                + "\"beneficiaryId\":\"60600077\",\"transferType\":\"IMPS\",\"amount\":\"" + amount + "\","
                + "\"pincode\":\"110045\",\"address\":\"Delhi\",\"dateOfBirth\":\"2000-08-20\","
                + "\"latitude\":\"28.6090\",\"longitude\":\"77.2362\"}";
    }

    @Test
    void fiftyParallelRetriesMakeOneProviderCallOneOtpAndOneAnswer() throws Exception {
        String registrationId = "IDEM-OTP-" + UUID.randomUUID().toString().substring(0, 8);
        String body = body(registrationId, "100");
        String key = "otp-key-" + UUID.randomUUID();

        String answer = ParallelRetries.sendAndExpectOneAnswer(api, "/v1/transfer-otps", body, key, 50);
        assertTrue(answer.contains("\"registrationId\":\"" + registrationId + "\""), answer);
        assertTrue(!answer.contains("9876543210"), "the mobile is masked in the answer");

        // those that arrived in flight get the same answer when they retry
        HttpResponse<String> replay = api.post("/v1/transfer-otps", ApiCalls.merchant(), body,
                Map.of("Idempotency-Key", key));
        assertEquals(201, replay.statusCode());
        assertEquals(answer, replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));

        assertEquals(1, DMT.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount());
        assertEquals(1, Sql.count("SELECT count(*) FROM transfer_otp WHERE registration_id = ?", registrationId));
        assertEquals(1, Sql.count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", key));

        HttpResponse<String> reused = api.post("/v1/transfer-otps", ApiCalls.merchant(), body(registrationId, "101"),
                Map.of("Idempotency-Key", key));
        assertEquals(422, reused.statusCode(), reused.body());
        assertTrue(reused.body().contains("\"code\":\"idempotency_key_reused\""), reused.body());
        assertEquals(1, DMT.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount());
        assertEquals(1, Sql.count("SELECT count(*) FROM transfer_otp WHERE registration_id = ?", registrationId));
    }

    /**
     * A 502 or 504 means the provider may have sent the OTP: the stored answer is replayed under the
     * same key, and the remitter never gets a second OTP from a client's retry.
     */
    @Test
    void aStored502Or504IsReplayedUnderTheSameKeyAndNoSecondOtpIsSent() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String unknown = "IDEM-502-" + tag;
        String timedOut = "IDEM-504-" + tag;
        DMT.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.RegistrationID", equalTo(unknown)))
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
        DMT.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.RegistrationID", equalTo(timedOut)))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));

        for (String[] c : new String[][]{{unknown, "502", "provider_unknown_outcome"},
                {timedOut, "504", "provider_timeout"}}) {
            String registrationId = c[0];
            String body = body(registrationId, "100");
            String key = "otp-key-" + UUID.randomUUID();

            HttpResponse<String> first = api.post("/v1/transfer-otps", ApiCalls.merchant(), body,
                    Map.of("Idempotency-Key", key));
            assertEquals(Integer.parseInt(c[1]), first.statusCode(), first.body());
            assertTrue(first.body().contains("\"code\":\"" + c[2] + "\""), first.body());

            HttpResponse<String> retry = api.post("/v1/transfer-otps", ApiCalls.merchant(), body,
                    Map.of("Idempotency-Key", key));
            assertEquals(first.statusCode(), retry.statusCode(), retry.body());
            assertEquals(first.body(), retry.body());
            assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
            assertEquals(1, DMT.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                    .withRequestBody(matchingJsonPath("$.RegistrationID", equalTo(registrationId))).build()).getCount(),
                    "one OTP request reached the provider for " + registrationId);
            assertEquals(1, Sql.count("SELECT count(*) FROM transfer_otp WHERE registration_id = ?", registrationId));
        }
    }
}
