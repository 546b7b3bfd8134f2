package io.payorch.bootstrap.provider;

import io.payorch.adapters.aop.AopQrClient;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AopQrContractTest extends QrProviderContractTest {

    @Override
    protected QrProviderPort adapter(ProviderEndpoint endpoint, ProviderTransport transport) {
        return new AopQrClient(endpoint, transport);
    }

    @Override
    protected String path() {
        return AopQrClient.PATH;
    }

    @Override
    protected QrProviderRequest request() {
        return new QrProviderRequest("qr_test", "AOP-554", Money.ofRupees(10), QrUsage.SINGLE_USE, null, null, null,
                null);
    }

    @Override
    protected String successBody() {
        return ProviderPages.body("aop-success.json");
    }

    @Override
    protected void assertIsThePagesExample(ProviderQr qr) {
        assertEquals(Provider.AOP, qr.provider());
        assertEquals("AOP554V221201", qr.providerReference());
        assertTrue(qr.upiIntent().startsWith("upi://pay?ver=01&mode=22&pa=random@razorpay"));
        assertTrue(qr.upiIntent().endsWith("&am=10"));
        assertNull(qr.imageUrl());
        assertEquals(Instant.parse("2024-07-28T18:06:09Z"), qr.expiresAt());
    }

    @Override
    protected DocumentedError documentedError() {
        return new DocumentedError(400, ProviderPages.body("v4-error.json"), "400",
                "VPA does not exist for the account provided");
    }
}
