package io.payorch.bootstrap.provider;

import io.payorch.adapters.razorpay.RazorpayQrClient;
import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The port's contract for Razorpay, plus its close and fetch calls and the page's validation rules. */
class RazorpayQrContractTest extends QrProviderContractTest {

    /** The page example's creation time, so that its close_by (1681615838) is ahead of "now". */
    static final Instant NOW = Instant.ofEpochSecond(1681615838L).minus(Duration.ofDays(1));
    static final String BASIC = "Basic cnpwX3Rlc3Rfa2V5OnJ6cF90ZXN0X3NlY3JldA=="; // rzp_test_key:rzp_test_secret

    @Override
    protected QrProviderPort adapter(ProviderEndpoint endpoint, ProviderTransport transport) {
        return new RazorpayQrClient(endpoint, transport, Clock.fixed(NOW, ZoneOffset.UTC), "rzp_test_key",
                "rzp_test_secret");
    }

    @Override
    protected String path() {
        return RazorpayQrClient.PATH;
    }

    @Override
    protected QrProviderRequest request() {
        return new QrProviderRequest("qr_test", "RZP-1", Money.ofPaise(300), QrUsage.SINGLE_USE, null, "For Store 1",
                Instant.ofEpochSecond(1681615838L), Map.of("purpose", "Test UPI QR Code notes"));
    }

    @Override
    protected String successBody() {
        return ProviderPages.body("razorpay-success.json");
    }

    @Override
    protected void assertIsThePagesExample(ProviderQr qr) {
        assertEquals(Provider.RAZORPAY, qr.provider());
        assertEquals("qr_HMsVL8HOpbMcjU", qr.providerReference());
        assertNull(qr.upiIntent(), "Razorpay gives no UPI string");
        assertEquals("https://rzp.io/i/BWcUVrLp", qr.imageUrl());
        assertEquals(Instant.ofEpochSecond(1681615838L), qr.expiresAt());
        wireMock.verify(postRequestedFor(urlPathEqualTo(path())).withHeader("Authorization", equalTo(BASIC)));
    }

    @Override
    protected DocumentedError documentedError() {
        return new DocumentedError(400, ProviderPages.body("razorpay-error-invalid-field.json"), "BAD_REQUEST_ERROR",
                "The selected type is invalid. (field: type)");
    }

    @Test
    void wrongKeysAreNotAttemptedWithRazorpaysDescription() {
        wireMock.stubFor(post(urlPathEqualTo(path())).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(ProviderPages.body("razorpay-error-invalid-key.json"))));

        ProviderOutcome.NotAttempted<?> notAttempted = assertInstanceOf(ProviderOutcome.NotAttempted.class,
                adapter().create(request()));

        assertEquals("Razorpay refused the API key (HTTP 401): The api key provided is invalid", notAttempted.reason());
    }

    @Test
    void closePostsToTheCloseCallWithNoBodyAndReadsTheClosedQr() {
        String closed = successBody().replace("\"status\": \"active\"", "\"status\": \"closed\"")
                .replace("\"close_by\": 1681615838", "\"close_by\": 1681615838, \"closed_at\": 1623670301, "
                        + "\"close_reason\": \"on_demand\"");
        wireMock.stubFor(post(urlPathEqualTo(path() + "/qr_HMsVL8HOpbMcjU/close")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(closed)));

        ProviderOutcome<ProviderQr> outcome = adapter().close("qr_HMsVL8HOpbMcjU");

        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, outcome).value();
        assertEquals("qr_HMsVL8HOpbMcjU", qr.providerReference());
        assertTrue(adapter().closesAtProvider());
        wireMock.verify(postRequestedFor(urlPathEqualTo(path() + "/qr_HMsVL8HOpbMcjU/close"))
                .withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void closingAnUnknownIdIsRazorpaysRejection() {
        wireMock.stubFor(post(urlPathEqualTo(path() + "/qr_Nope/close")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"BAD_REQUEST_ERROR\", \"description\": \"The id provided does not exist\","
                        + " \"source\": \"business\", \"step\": \"payment_initiation\", \"reason\": \"input_validation_failed\","
                        + " \"metadata\": {}, \"field\": \"id\"}}")));

        ProviderOutcome.Rejected<?> rejected = assertInstanceOf(ProviderOutcome.Rejected.class,
                adapter().close("qr_Nope"));

        assertEquals("The id provided does not exist (field: id)", rejected.message());
    }

    @Test
    void fetchGetsTheQrCode() {
        wireMock.stubFor(get(urlPathEqualTo(path() + "/qr_HMsVL8HOpbMcjU")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(successBody())));

        ProviderOutcome<ProviderQr> outcome = adapter().fetch("qr_test", "qr_HMsVL8HOpbMcjU");

        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, outcome).value();
        assertEquals("https://rzp.io/i/BWcUVrLp", qr.imageUrl());
        wireMock.verify(getRequestedFor(urlPathEqualTo(path() + "/qr_HMsVL8HOpbMcjU"))
                .withHeader("Authorization", equalTo(BASIC)).withRequestBody(absent()));
    }

    @Test
    void fetchingAClosedQrCodeIsNotAUsableQr() {
        wireMock.stubFor(get(urlPathEqualTo(path() + "/qr_HMsVL8HOpbMcjU")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(successBody().replace("\"status\": \"active\"", "\"status\": \"closed\""))));

        ProviderOutcome.Unknown<?> unknown = assertInstanceOf(ProviderOutcome.Unknown.class,
                adapter().fetch("qr_test", "qr_HMsVL8HOpbMcjU"));

        assertTrue(unknown.reason().contains("closed"), unknown.reason());
    }

    @Test
    void thePagesRulesAreCheckedBeforeAnyCall() {
        QrProviderPort razorpay = adapter();
        assertEquals(List.of("amount"), fields(razorpay.check(with(QrUsage.SINGLE_USE, null, null, Map.of()))));
        assertEquals(List.of("closeBy"), fields(razorpay.check(with(QrUsage.MULTIPLE_USE, null,
                NOW.plus(Duration.ofHours(1)), Map.of()))));
        assertEquals(List.of("closeBy"), fields(razorpay.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1),
                NOW.plus(Duration.ofSeconds(119)), Map.of()))));
        assertTrue(razorpay.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1), NOW.plus(Duration.ofSeconds(120)),
                Map.of())).isEmpty());
        assertTrue(razorpay.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1), NOW.plus(Duration.ofDays(45)),
                Map.of())).isEmpty());
        assertEquals(List.of("closeBy"), fields(razorpay.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1),
                NOW.plus(Duration.ofDays(45)).plusSeconds(1), Map.of()))));
        Map<String, String> fourteen = new HashMap<>();
        for (int i = 0; i < 14; i++) {
            fourteen.put("k" + i, "v");
        }
        assertEquals(List.of("notes"), fields(razorpay.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1), null,
                fourteen))));
        assertEquals(List.of("notes.long"), fields(razorpay.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1), null,
                Map.of("long", "x".repeat(257))))));
        assertTrue(razorpay.check(with(QrUsage.MULTIPLE_USE, null, null, Map.of("ok", "x".repeat(256)))).isEmpty());
    }

    @Test
    void closeByIsNeverPastTheLastUnixSecondRazorpayTakes() {
        QrProviderPort late = new RazorpayQrClient(endpointAt(java.net.URI.create(wireMock.baseUrl())), transport(),
                Clock.fixed(Instant.parse("2038-01-10T00:00:00Z"), ZoneOffset.UTC), "k", "s");
        assertEquals(List.of("closeBy"), fields(late.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1),
                Instant.ofEpochSecond(2_147_483_648L), Map.of()))));
        assertTrue(late.check(with(QrUsage.SINGLE_USE, Money.ofRupees(1), Instant.ofEpochSecond(2_147_483_647L),
                Map.of())).isEmpty());
    }

    private static QrProviderRequest with(QrUsage usage, Money amount, Instant closeBy, Map<String, String> notes) {
        return new QrProviderRequest("qr_test", "RZP-1", amount, usage, null, null, closeBy, notes);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
