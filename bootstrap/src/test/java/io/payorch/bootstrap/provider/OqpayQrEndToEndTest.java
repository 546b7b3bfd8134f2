package io.payorch.bootstrap.provider;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.adapters.oqpay.OqpayQrClient;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.bootstrap.support.WireMockEndToEndSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** POST /v1/qr-codes through OQPay: the stub (OQPay's page) sees exactly the documented request. */
@MicronautTest
class OqpayQrEndToEndTest extends WireMockEndToEndSupport {

    static final Map<String, Object> CUSTOMER = Map.of("name", "Ajay Singh", "mobile", "9876543210",
            "email", "ajaysingh1898@gmail.com");

    @Override
    protected Map<String, String> providerProperties() {
        return Map.of("payorch.providers.oqpay.base-url", wireMock.baseUrl());
    }

    @Test
    void createsAnActiveQrFromThePagesExampleAfterSendingTheDocumentedRequest() {
        wireMock.stubFor(post(urlPathEqualTo(OqpayQrClient.PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ProviderPages.body("oqpay-success.json"))));

        Answer answer = create(Map.of("registrationId", "OQP-XXX", "amount", "500", "provider", "OQPAY",
                "customer", CUSTOMER));

        assertEquals(201, answer.status());
        Map<String, Object> qr = answer.qr();
        assertEquals("ACTIVE", qr.get("status"));
        assertEquals("OQPAY", qr.get("provider"));
        assertEquals("TPAY202602230723071213842", qr.get("providerReference"));
        assertEquals("2026-02-23T07:28:09.435Z", qr.get("expiresAt"));
        assertEquals("500.00", qr.get("amount"));
        String id = (String) qr.get("id");
        assertEquals("ACTIVE", rows.column(id, "status"));
        assertEquals("TPAY202602230723071213842", rows.column(id, "provider_reference"));
        assertEquals("2026-02-23T07:28:09.435Z",
                rows.column(id, "to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"));
        assertEquals(List.of("OQPAY accepted"), rows.attempts(id));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(OqpayQrClient.PATH))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"customerName": "Ajay Singh", "customerMobile": "9876543210",
                         "customerEmail": "ajaysingh1898@gmail.com", "amount": 500, "registrationID": "OQP-XXX"}
                        """, false, false)));
    }

    @Test
    void theDocumentedErrorIs422WithOqpaysMessageAndAFailedRow() {
        wireMock.stubFor(post(urlPathEqualTo(OqpayQrClient.PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(ProviderPages.body("oqpay-error.json"))));

        Answer answer = create(Map.of("registrationId", "OQP-XXX", "amount", "500", "provider", "OQPAY",
                "customer", CUSTOMER));

        assertEquals(422, answer.status());
        assertEquals("VPA does not exist for the account provided", answer.provider().get("message"));
        assertEquals("FAILED", rows.column((String) answer.qr().get("id"), "status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"299", "300.50", "299.99"})
    void anAmountBelow300OrWithPaiseIs400BeforeAnyCall(String amount) {
        long before = rows.total();

        Answer answer = create(Map.of("registrationId", "OQP-XXX", "amount", amount, "provider", "OQPAY",
                "customer", CUSTOMER));

        assertEquals(400, answer.status());
        assertEquals(List.of("amount"), answer.errorFields());
        assertEquals(before, rows.total());
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void missingCustomerDetailsAre400NamingEachField() {
        long before = rows.total();

        Answer answer = create(Map.of("registrationId", "OQP-XXX", "amount", "500", "provider", "OQPAY"));

        assertEquals(400, answer.status());
        assertEquals(List.of("customer.name", "customer.mobile", "customer.email"), answer.errorFields());
        assertNull(answer.body().get("resource"));
        assertEquals(before, rows.total());
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }
}
