package io.payorch.bootstrap.provider;

import io.payorch.adapters.oqpay.OqpayQrClient;
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

import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OqpayQrContractTest extends QrProviderContractTest {

    @Override
    protected QrProviderPort adapter(ProviderEndpoint endpoint, ProviderTransport transport) {
        return new OqpayQrClient(endpoint, transport);
    }

    @Override
    protected String path() {
        return OqpayQrClient.PATH;
    }

    @Override
    protected QrProviderRequest request() {
        return new QrProviderRequest("qr_test", "OQP-XXX", Money.ofRupees(500), QrUsage.SINGLE_USE,
                new QrProviderRequest.Customer("Ajay Singh", "9876543210", "ajaysingh1898@gmail.com"), null, null, null);
    }

    @Override
    protected String successBody() {
        return ProviderPages.body("oqpay-success.json");
    }

    @Override
    protected void assertIsThePagesExample(ProviderQr qr) {
        assertEquals(Provider.OQPAY, qr.provider());
        assertEquals("TPAY202602230723071213842", qr.providerReference());
        assertTrue(qr.upiIntent().startsWith("upi://pay?pa=shoppingair.payu@axisbank&pn=ABPYM"));
        assertNull(qr.imageUrl());
        assertEquals(Instant.parse("2026-02-23T07:28:09.435Z"), qr.expiresAt());
    }

    @Override
    protected DocumentedError documentedError() {
        return new DocumentedError(400, ProviderPages.body("oqpay-error.json"), "400",
                "VPA does not exist for the account provided");
    }

    /** The schema's reading: {@code success} and {@code expiresInSeconds} as strings; no expiresAt. */
    @Test
    void theSchemasStringsAreReadAndTxnDateIsIndianTime() {
        String schemaReading = successBody().replace("\"success\": true", "\"success\": \"true\"")
                .replace("\"expiresInSeconds\": 300", "\"expiresInSeconds\": \"300\"")
                .replace("\"expiresAt\": \"2026-02-23T07:28:09.435Z\",", "");
        wireMock.stubFor(post(urlPathEqualTo(path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(schemaReading)));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderQr qr = (ProviderQr) assertInstanceOf(ProviderOutcome.Accepted.class, outcome).value();
        // txnDate 2026-02-23 07:23:08 in India is 01:53:08 UTC; plus 300 s
        assertEquals(Instant.parse("2026-02-23T01:58:08Z"), qr.expiresAt());
    }

    @Test
    void successFalseIsARejection() {
        wireMock.stubFor(post(urlPathEqualTo(path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\": \"false\", \"message\": \"Merchant is inactive\"}")));

        ProviderOutcome<ProviderQr> outcome = adapter().create(request());

        ProviderOutcome.Rejected<?> rejected = assertInstanceOf(ProviderOutcome.Rejected.class, outcome);
        assertEquals("Merchant is inactive", rejected.message());
    }
}
