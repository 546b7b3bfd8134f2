package io.payorch.bootstrap.providers;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.adapters.dmt.DmtOtpClient;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.SentOtp;
import io.payorch.application.port.out.TransferOtpProviderPort;
import io.payorch.application.port.out.TransferOtpProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.bootstrap.config.ProviderRegistry;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.domain.Money;
import io.payorch.domain.TransferType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wired DMT client over real HTTP against a WireMock stub that answers exactly like AOPay's
 * TransactionSendOtp page.
 */
@MicronautTest
class DmtOtpClientHttpTest extends PostgresTestSupport {

    private static final String PATH = "/api/AOP/DMTV1/TransactionSendOtp";

    private final WireMockServer wiremock = startedWireMock();

    @Inject
    TransferOtpProviderPort client;

    @Inject
    ProviderRegistry registry;

    private static WireMockServer startedWireMock() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.providers.dmt.base-url", wiremock.baseUrl(),
                "payorch.providers.dmt.read-timeout", "3s");
    }

    @AfterAll
    void stopWireMock() {
        wiremock.stop();
    }

    @BeforeEach
    void reset() {
        wiremock.resetAll();
    }

    private static TransferOtpProviderRequest request() {
        return new TransferOtpProviderRequest("otp_1", "AOP-554", "9876543210", "60600077", TransferType.IMPS,
                Money.ofRupees(100), "110045", "Delhi", LocalDate.of(2000, 8, 20), new BigDecimal("28.6090"),
                new BigDecimal("77.2362"));
    }

    private void answer(int status, String body) {
        wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void sendsExactlyThePagesKeysWithStringValuesIncludingLongitute() {
        answer(200, PAGE_200);

        client.sendOtp(request());

        wiremock.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "MobileNumber": "9876543210",
                          "BeneID": "60600077",
                          "Txntype": "IMPS",
                          "Amount": "100",
                          "Pincode": "110045",
                          "Address": "Delhi",
                          "DOB": "20/08/2000",
                          "Latitude": "28.6090",
                          "Longitute": "77.2362",
                          "RegistrationID": "AOP-554"
                        }""")));
    }

    @Test
    void neftAndAnAmountWithPaiseGoOutAsStrings() {
        answer(200, PAGE_200);
        TransferOtpProviderRequest r = request();

        client.sendOtp(new TransferOtpProviderRequest(r.otpId(), r.registrationId(), r.remitterMobile(),
                r.beneficiaryId(), TransferType.NEFT, Money.ofPaise(10_050), r.pincode(), r.address(),
                LocalDate.of(1990, 1, 5), new BigDecimal("-33.8688"), new BigDecimal("-151.2093")));

        wiremock.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(WireMock.matchingJsonPath("$.Txntype", equalTo("NEFT")))
                .withRequestBody(WireMock.matchingJsonPath("$.Amount", equalTo("100.5")))
                .withRequestBody(WireMock.matchingJsonPath("$.DOB", equalTo("05/01/1990")))
                .withRequestBody(WireMock.matchingJsonPath("$.Longitute", equalTo("-151.2093"))));
        String body = wiremock.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("\"Amount\":\"100.5\""), body);
        assertFalse(body.contains("Longitude"), body);
    }

    @Test
    void thePages200IsASentOtpWithItsStateresp() {
        answer(200, PAGE_200);

        ProviderOutcome<SentOtp> outcome = client.sendOtp(request());

        assertEquals(new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.TRANSFER, "465185569")), outcome);
    }

    @Test
    void the200SchemasDataObjectIsAcceptedAndIgnored() {
        answer(200, """
                {"status": true, "response_code": 1, "message": "OTP has been send to the remitter mobile number.",
                 "stateresp": "465185570",
                 "data": {"fname": "Asha", "lname": "Verma", "mobile": "9876543210", "status": "active",
                          "bank3_limit": 25000, "bank3_status": "active", "bank2_limit": 25000, "bank1_limit": 25000}}""");

        ProviderOutcome<SentOtp> outcome = client.sendOtp(request());

        assertEquals(new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.TRANSFER, "465185570")), outcome);
    }

    @Test
    void thePages202IsARegistrationOtpWithItsStateresp() {
        answer(202, """
                {
                  "status": false,
                  "response_code": 0,
                  "stateresp": "b3c1e519-cf15-4145-8c26-c3d03e9d2f00",
                  "message": "Remitter not registered OTP sent for new registration."
                }""");

        ProviderOutcome<SentOtp> outcome = client.sendOtp(request());

        assertEquals(new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.REGISTRATION,
                "b3c1e519-cf15-4145-8c26-c3d03e9d2f00")), outcome);
    }

    @Test
    void theRegistrationBodyWithHttp200IsAlsoARegistrationOtp() {
        answer(200, """
                {"status": false, "response_code": 0, "stateresp": "b3c1e519-cf15-4145-8c26-c3d03e9d2f00",
                 "message": "Remitter not registered OTP sent for new registration."}""");

        assertEquals(new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.REGISTRATION,
                "b3c1e519-cf15-4145-8c26-c3d03e9d2f00")), client.sendOtp(request()));
    }

    @Test
    void thePages401IsAnAuthenticationFailureAskedOnlyOnce() {
        answer(401, """
                {
                  "response_code": 11,
                  "status": false,
                  "message": "Authentication failed"
                }""");

        ProviderOutcome<SentOtp> outcome = client.sendOtp(request());

        assertEquals(new ProviderOutcome.Rejected<>("11", "Authentication failed", ProviderOutcome.Reason.AUTHENTICATION_FAILED), outcome);
        wiremock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void the401SchemasResponsecodeSpellingIsAlsoAnAuthenticationFailure() {
        answer(401, "{\"responsecode\": 11, \"status\": false, \"message\": \"Authentication failed\"}");

        assertEquals(new ProviderOutcome.Rejected<>("11", "Authentication failed", ProviderOutcome.Reason.AUTHENTICATION_FAILED), client.sendOtp(request()));
        wiremock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aTimeoutIsUnknownAndTimedOut() {
        wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withHeader("Content-Type", "application/json").withBody(PAGE_200)));

        ProviderOutcome<SentOtp> outcome = client.sendOtp(request());

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class, outcome);
        assertTrue(unknown.timedOut());
        wiremock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a500WithHtmlIsUnknown() {
        wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>500 Internal Server Error</h1></body></html>")));

        ProviderOutcome<SentOtp> outcome = client.sendOtp(request());

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class, outcome);
        assertFalse(unknown.timedOut());
        wiremock.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void malformedJsonIsUnknown() {
        answer(200, "{\"status\": true, \"response_code\": 1, \"stateresp\": \"4651");

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class, client.sendOtp(request()));
        assertFalse(unknown.timedOut());
    }

    @Test
    void anUnrecognisedSuccessIsUnknownNotSent() {
        answer(200, "{\"status\": true, \"message\": \"queued\"}");

        assertInstanceOf(ProviderOutcome.Unknown.class, client.sendOtp(request()));
    }

    @Test
    void anotherRefusalIsARejectionWithTheProvidersWords() {
        answer(400, "{\"status\": false, \"response_code\": 0, \"message\": \"Invalid BeneID\"}");

        assertEquals(new ProviderOutcome.Rejected<>("0", "Invalid BeneID", ProviderOutcome.Reason.INVALID_REQUEST), client.sendOtp(request()));
    }

    @Test
    void aRefusedConnectionIsNotAttempted() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DmtOtpClient unreachable = new DmtOtpClient(
                ProviderEndpoint.of(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1)),
                registry.transport("dmt"));

        assertInstanceOf(ProviderOutcome.NotAttempted.class, unreachable.sendOtp(request()));
    }

    private static final String PAGE_200 = """
            {
              "status": true,
              "response_code": 1,
              "message": "OTP has been send to the remitter mobile number.",
              "stateresp": "465185569",
              "Status": "True",
              "Value": "OTP has been send to the remitter mobile number."
            }""";
}
