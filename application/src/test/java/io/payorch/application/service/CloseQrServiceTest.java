package io.payorch.application.service;

import io.payorch.application.ProviderCallFailedException;
import io.payorch.application.ProviderFailure;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.NotFoundException;
import io.payorch.domain.Actor;
import io.payorch.domain.IllegalTransitionException;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseQrServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    private final InMemoryQrStore store = new InMemoryQrStore();
    private final FakeQrProvider razorpay = new FakeQrProvider(Provider.RAZORPAY, true);
    private final FakeQrProvider aop = new FakeQrProvider(Provider.AOP, false);
    private final CloseQrService service = new CloseQrService(store, List.of(razorpay, aop),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRazorpayQrIsClosedAtRazorpayFirst() {
        active("qr_1", Provider.RAZORPAY, "qr_HMsVL8HOpbMcjU");
        razorpay.closeAnswer = new ProviderOutcome.Accepted<>(new ProviderQr(Provider.RAZORPAY, "qr_HMsVL8HOpbMcjU",
                null, null, null));

        QrIntent closed = service.close("qr_1", Actor.merchant("acme"));

        assertEquals(List.of("close qr_HMsVL8HOpbMcjU"), razorpay.calls);
        assertEquals(QrStatus.CLOSED, closed.status());
        assertEquals("on_demand", closed.closeReason());
        assertEquals(QrStatus.CLOSED, store.findById("qr_1").orElseThrow().status());
        assertEquals("close_accepted", store.attempts("qr_1").get(0).outcome());
    }

    @Test
    void whenRazorpayRefusesOrTimesOutTheQrStaysActive() {
        active("qr_1", Provider.RAZORPAY, "qr_HMsVL8HOpbMcjU");
        razorpay.closeAnswer = new ProviderOutcome.Rejected<>("BAD_REQUEST_ERROR", "QR code is already closed", ProviderOutcome.Reason.INVALID_REQUEST);
        ProviderCallFailedException refused = assertThrows(ProviderCallFailedException.class,
                () -> service.close("qr_1", Actor.merchant("acme")));
        assertEquals(ProviderFailure.Kind.REJECTED, refused.failure().kind());

        razorpay.closeAnswer = new ProviderOutcome.Unknown<>("no answer within the read timeout", true);
        assertEquals(ProviderFailure.Kind.TIMED_OUT,
                assertThrows(ProviderCallFailedException.class, () -> service.close("qr_1", Actor.merchant("acme"))).failure().kind());
        assertEquals(QrStatus.ACTIVE, store.findById("qr_1").orElseThrow().status());
    }

    @Test
    void otherProvidersQrsAreClosedInPayorchWithoutACall() {
        active("qr_2", Provider.AOP, "AOP554V221201");
        assertEquals(QrStatus.CLOSED, service.close("qr_2", Actor.admin("ops")).status());
        assertTrue(aop.calls.isEmpty());
        assertEquals("admin:ops", store.history("qr_2").get(store.history("qr_2").size() - 1).source());
    }

    @Test
    void anotherMerchantsQrIsNotFoundAndStaysOpen() {
        active("qr_1", Provider.RAZORPAY, "qr_HMsVL8HOpbMcjU");
        assertThrows(NotFoundException.class, () -> service.close("qr_1", Actor.merchant("globex")));
        assertTrue(razorpay.calls.isEmpty());
        assertEquals(QrStatus.ACTIVE, store.findById("qr_1").orElseThrow().status());
    }

    @Test
    void aFinalQrCannotBeClosedAndTheProviderIsNotCalled() {
        active("qr_1", Provider.RAZORPAY, "qr_HMsVL8HOpbMcjU");
        QrIntent qr = store.findById("qr_1").orElseThrow();
        qr.recordPayment(Money.ofRupees(10), NOW, "webhook");
        store.update(qr);
        assertThrows(IllegalTransitionException.class, () -> service.close("qr_1", Actor.merchant("acme")));
        assertTrue(razorpay.calls.isEmpty());
    }

    private void active(String id, Provider provider, String reference) {
        QrIntent qr = QrIntent.open(id, "acme", "REG-1", Money.ofRupees(10), QrUsage.SINGLE_USE, null, provider,
                NOW.minusSeconds(60));
        store.insert(qr);
        qr.activate(new ProviderQr(provider, reference, "upi://pay?pa=a@b&am=10.00", null, NOW.plusSeconds(600)),
                NOW.minusSeconds(59), "provider");
        store.update(qr);
    }
}
