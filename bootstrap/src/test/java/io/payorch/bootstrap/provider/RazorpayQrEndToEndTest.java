package io.payorch.bootstrap.provider;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.adapters.razorpay.RazorpayQrClient;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.bootstrap.support.WireMockEndToEndSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /v1/qr-codes through Razorpay: HTTP Basic with the key id and secret, the page's fields
 * and units (paise, Unix seconds), payorch's QR id in the notes; the page's rules refuse bad
 * requests with a 400 before any call.
 */
@MicronautTest
class RazorpayQrEndToEndTest extends WireMockEndToEndSupport {

    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("rzp_test_key:rzp_test_secret".getBytes(StandardCharsets.UTF_8));

    @Override
    protected Map<String, String> providerProperties() {
        return Map.of("payorch.providers.razorpay.base-url", wireMock.baseUrl(),
                "payorch.providers.razorpay.username", "rzp_test_key",
                "payorch.providers.razorpay.password", "rzp_test_secret");
    }

    private void stubCreateAnswering(String body) {
        wireMock.stubFor(post(urlPathEqualTo(RazorpayQrClient.PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void createsAnActiveSingleUseQrWithTheDocumentedRequest() {
        long closeBy = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        stubCreateAnswering(ProviderPages.body("razorpay-success.json").replace("1681615838", String.valueOf(closeBy)));

        Answer answer = create(Map.of("registrationId", "RZP-1", "amount", "3.00", "provider", "RAZORPAY",
                "description", "For Store 1", "closeBy", Instant.ofEpochSecond(closeBy).toString(),
                "notes", Map.of("purpose", "Test UPI QR Code notes")));

        assertEquals(201, answer.status());
        Map<String, Object> qr = answer.qr();
        String id = (String) qr.get("id");
        assertEquals("ACTIVE", qr.get("status"));
        assertEquals("RAZORPAY", qr.get("provider"));
        assertEquals("qr_HMsVL8HOpbMcjU", qr.get("providerReference"));
        assertEquals("https://rzp.io/i/BWcUVrLp", qr.get("imageUrl"));
        assertNull(qr.get("upiIntent"));
        assertEquals(Instant.ofEpochSecond(closeBy).toString(), qr.get("expiresAt"));
        assertEquals("ACTIVE", rows.column(id, "status"));
        assertEquals("qr_HMsVL8HOpbMcjU", rows.column(id, "provider_reference"));
        assertEquals(String.valueOf(closeBy), rows.column(id, "extract(epoch from expires_at)::bigint"));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(RazorpayQrClient.PATH))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"type": "upi_qr", "usage": "single_use", "fixed_amount": true, "payment_amount": 300,
                         "description": "For Store 1", "close_by": %d,
                         "notes": {"purpose": "Test UPI QR Code notes", "payorch_qr_id": "%s",
                                   "payorch_registration_id": "RZP-1"}}
                        """.formatted(closeBy, id), false, false)));
    }

    @Test
    void aMultipleUseQrWithoutAmountHasNoFixedAmountNoCloseByAndNoExpiry() {
        stubCreateAnswering(ProviderPages.body("razorpay-success.json")
                .replace("\"usage\": \"single_use\"", "\"usage\": \"multiple_use\"")
                .replace("\"payment_amount\": 300,", "").replace("\"fixed_amount\": true", "\"fixed_amount\": false")
                .replace(",\n  \"close_by\": 1681615838", ""));

        Answer answer = create(Map.of("registrationId", "RZP-2", "provider", "RAZORPAY", "usage", "multiple_use"));

        assertEquals(201, answer.status());
        assertEquals("ACTIVE", answer.qr().get("status"));
        assertNull(answer.qr().get("expiresAt"));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(RazorpayQrClient.PATH))
                .withRequestBody(equalToJson("""
                        {"type": "upi_qr", "usage": "multiple_use", "fixed_amount": false,
                         "notes": {"payorch_qr_id": "%s", "payorch_registration_id": "RZP-2"}}
                        """.formatted(answer.qr().get("id")), false, false)));
    }

    @Test
    void razorpaysErrorIs422CarryingItsCodeDescriptionAndField() {
        wireMock.stubFor(post(urlPathEqualTo(RazorpayQrClient.PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(ProviderPages.body("razorpay-error-invalid-field.json"))));

        Answer answer = create(Map.of("registrationId", "RZP-3", "amount", "3", "provider", "RAZORPAY"));

        assertEquals(422, answer.status());
        assertEquals("BAD_REQUEST_ERROR", answer.provider().get("code"));
        assertEquals("The selected type is invalid. (field: type)", answer.provider().get("message"));
        assertEquals("FAILED", rows.column((String) answer.qr().get("id"), "status"));
    }

    static Stream<Arguments> requestsRazorpayRefuses() {
        Instant now = Instant.now();
        Map<String, String> fourteenNotes = new HashMap<>();
        for (int i = 0; i < 14; i++) {
            fourteenNotes.put("note" + i, "v");
        }
        return Stream.of(
                Arguments.of("multiple_use with closeBy", Map.of("usage", "multiple_use", "amount", "3",
                        "closeBy", now.plus(Duration.ofHours(1)).toString()), "closeBy"),
                Arguments.of("closeBy under 2 minutes ahead", Map.of("amount", "3",
                        "closeBy", now.plus(Duration.ofSeconds(90)).toString()), "closeBy"),
                Arguments.of("closeBy over 45 days ahead", Map.of("amount", "3",
                        "closeBy", now.plus(Duration.ofDays(46)).toString()), "closeBy"),
                Arguments.of("closeBy past 2147483647", Map.of("amount", "3",
                        "closeBy", Instant.ofEpochSecond(2_147_483_648L).toString()), "closeBy"),
                Arguments.of("more notes than Razorpay keeps", Map.of("amount", "3", "notes", fourteenNotes), "notes"),
                Arguments.of("a note over 256 characters", Map.of("amount", "3",
                        "notes", Map.of("long", "x".repeat(257))), "notes.long"),
                Arguments.of("payorch's own note", Map.of("amount", "3",
                        "notes", Map.of("payorch_qr_id", "qr_forged")), "notes.payorch_qr_id"),
                Arguments.of("single_use without a fixed amount", Map.of("usage", "single_use"), "amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsRazorpayRefuses")
    void thePagesRulesGive400NamingTheFieldAndNoCall(String name, Map<String, Object> fields, String field) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("registrationId", "RZP-4");
        body.put("provider", "RAZORPAY");
        long before = rows.total();

        Answer answer = create(body);

        assertEquals(400, answer.status(), name);
        assertTrue(answer.errorFields().contains(field), answer.errorFields().toString());
        assertEquals(List.of(field), answer.errorFields());
        assertEquals(before, rows.total());
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }
}
