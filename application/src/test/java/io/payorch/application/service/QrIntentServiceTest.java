package io.payorch.application.service;

import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.ProviderFailure;
import io.payorch.application.QrSettings;
import io.payorch.application.port.in.CreateQrCommand;
import io.payorch.application.port.in.QrCreation;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QR creation's routing and safety rules, without a database: the configured order, moving on only
 * past a provider that was not reached or did not answer clearly, a rejection as final, skipping
 * providers that are off or cannot take the request, and refusing a UPI intent that would make the
 * payer pay the wrong amount or nobody.
 */
class QrIntentServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    private static final String GOOD_INTENT = "upi://pay?pa=shop@bank&pn=Shop&am=10.00&cu=INR";

    private final InMemoryQrStore store = new InMemoryQrStore();
    private final FakeQrProvider aop = new FakeQrProvider(Provider.AOP, false);
    private final FakeQrProvider oqpay = new FakeQrProvider(Provider.OQPAY, false);
    private final FakeQrProvider bos = new FakeQrProvider(Provider.BOS, false);
    private final AtomicInteger ids = new AtomicInteger();
    private final QrIntentService service = new QrIntentService(store, List.of(aop, oqpay, bos),
            prefix -> prefix + "_" + ids.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC),
            new QrSettings(Money.DEFAULT_MAXIMUM, List.of(Provider.OQPAY, Provider.AOP, Provider.BOS)));

    private static CreateQrCommand routed(String amount) {
        return new CreateQrCommand("REG-1", amount, null, null, null, null, null, null);
    }

    private static CreateQrCommand at(Provider provider) {
        return new CreateQrCommand("REG-1", "10", provider.name(), null, null, null, null, null);
    }

    private QrIntent stored(QrCreation creation) {
        return store.findById(creation.qr().id()).orElseThrow();
    }

    private List<String> attemptsOf(QrCreation creation) {
        return store.attempts(creation.qr().id()).stream().map(a -> a.provider() + " " + a.outcome()).toList();
    }

    @Test
    void theFirstProviderInTheConfiguredOrderIssuesTheQr() {
        oqpay.issues(GOOD_INTENT);

        QrCreation creation = service.create("acme", routed("10"));

        assertTrue(creation.failure().isEmpty());
        assertEquals(QrStatus.ACTIVE, stored(creation).status());
        assertEquals(Provider.OQPAY, stored(creation).provider());
        assertEquals(GOOD_INTENT, stored(creation).upiIntent());
        assertEquals(List.of("create qr_1"), oqpay.calls);
        assertTrue(aop.calls.isEmpty() && bos.calls.isEmpty());
    }

    @Test
    void aProviderNotReachedOrNotAnsweringClearlyPassesTheRequestToTheNext() {
        oqpay.createAnswer = new ProviderOutcome.NotAttempted<>("connection refused");
        aop.createAnswer = new ProviderOutcome.Unknown<>("provider answered HTTP 503", false);
        bos.issues(GOOD_INTENT);

        QrCreation creation = service.create("acme", routed("10"));

        assertEquals(QrStatus.ACTIVE, stored(creation).status());
        assertEquals(Provider.BOS, stored(creation).provider());
        assertEquals(List.of("OQPAY not_attempted", "AOP unknown", "BOS accepted"), attemptsOf(creation));
    }

    @Test
    void aRejectionIsFinalAndNoOtherProviderIsAsked() {
        oqpay.createAnswer = new ProviderOutcome.Rejected<>("400", "VPA does not exist", ProviderOutcome.Reason.INVALID_REQUEST);
        aop.issues(GOOD_INTENT);

        QrCreation creation = service.create("acme", routed("10"));

        assertEquals(QrStatus.FAILED, stored(creation).status());
        ProviderFailure failure = creation.failure().orElseThrow();
        assertEquals(new ProviderFailure(ProviderFailure.Kind.REJECTED, "OQPAY", "400", "VPA does not exist"), failure);
        assertTrue(aop.calls.isEmpty(), "a provider that said no must not be routed around");
        assertEquals(List.of("OQPAY rejected"), attemptsOf(creation));
    }

    @Test
    void whenTheLastProviderDidNotAnswerClearlyTheQrIsUnknownNotFailed() {
        oqpay.createAnswer = new ProviderOutcome.NotAttempted<>("connection refused");
        aop.createAnswer = new ProviderOutcome.NotAttempted<>("connection refused");
        bos.createAnswer = new ProviderOutcome.Unknown<>("no answer within the read timeout", true);

        QrCreation creation = service.create("acme", routed("10"));

        assertEquals(QrStatus.UNKNOWN, stored(creation).status(), "it may exist at BOS: reconciliation decides");
        assertEquals(Provider.BOS, stored(creation).provider());
        assertEquals(ProviderFailure.Kind.TIMED_OUT, creation.failure().orElseThrow().kind());
    }

    @Test
    void whenNoProviderWasReachedTheQrFailsAsNotAttempted() {
        oqpay.createAnswer = new ProviderOutcome.NotAttempted<>("connection refused");
        aop.createAnswer = new ProviderOutcome.Unknown<>("provider answered HTTP 500", false);
        bos.createAnswer = new ProviderOutcome.NotAttempted<>("provider throttled the request (HTTP 429)");

        QrCreation creation = service.create("acme", routed("10"));

        assertEquals(QrStatus.FAILED, stored(creation).status());
        assertEquals(new ProviderFailure(ProviderFailure.Kind.NOT_ATTEMPTED, "BOS", null,
                "provider throttled the request (HTTP 429)"), creation.failure().orElseThrow());
        assertEquals(3, store.attempts(creation.qr().id()).size(), "every attempt is kept");
    }

    @Test
    void providersThatAreOffOrCannotTakeTheRequestAreSkippedWithoutACall() {
        oqpay.problems = List.of(new FieldError("amount", "must be at least 300 for OQPAY"));
        aop.enabled = false;
        bos.issues(GOOD_INTENT);

        QrCreation creation = service.create("acme", routed("10"));

        assertEquals(Provider.BOS, stored(creation).provider());
        assertTrue(oqpay.calls.isEmpty() && aop.calls.isEmpty());
        assertEquals(List.of("BOS accepted"), attemptsOf(creation));
    }

    @Test
    void withNoEligibleProviderTheRequestIsRefusedNamingWhyEachWasSkipped() {
        oqpay.problems = List.of(new FieldError("amount", "must be at least 300 for OQPAY"));
        aop.enabled = false;
        bos.enabled = false;

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> service.create("acme", routed("10")));

        FieldError error = refused.errors().get(0);
        assertEquals("provider", error.field());
        assertEquals("no enabled provider can take this request: OQPAY (amount must be at least 300 for OQPAY)",
                error.message());
        assertTrue(store.findById("qr_1").isEmpty(), "no QR was stored");
    }

    @Test
    void aNamedProviderIsTheOnlyOneAskedAndItsRulesAreTheRequestsRules() {
        aop.createAnswer = new ProviderOutcome.NotAttempted<>("connection refused");
        QrCreation creation = service.create("acme", at(Provider.AOP));
        assertEquals(QrStatus.FAILED, stored(creation).status());
        assertTrue(oqpay.calls.isEmpty() && bos.calls.isEmpty(), "a named provider is never routed around");

        bos.problems = List.of(new FieldError("usage", "BOS issues single_use QRs only"));
        assertEquals("usage", assertThrows(InvalidRequestException.class,
                () -> service.create("acme", at(Provider.BOS))).errors().get(0).field());
        oqpay.enabled = false;
        assertEquals("provider", assertThrows(InvalidRequestException.class,
                () -> service.create("acme", at(Provider.OQPAY))).errors().get(0).field());
    }

    @Test
    void aUpiIntentForAnotherAmountIsRefusedAsInvalidAndNeverShown() {
        oqpay.issues("upi://pay?pa=shop@bank&pn=Shop&am=100.00&cu=INR");
        aop.issues(GOOD_INTENT);

        QrCreation creation = service.create("acme", routed("10"));

        QrIntent qr = stored(creation);
        assertEquals(QrStatus.FAILED, qr.status());
        ProviderFailure failure = creation.failure().orElseThrow();
        assertEquals(ProviderFailure.Kind.REJECTED, failure.kind());
        assertEquals("invalid_upi_intent", failure.code());
        assertEquals("UPI intent amount 100.00 differs from requested 10.00", failure.message());
        assertTrue(aop.calls.isEmpty(), "the provider issued a QR: routing on could charge twice");
        assertEquals(null, creation.qr().upiIntent());
    }

    @Test
    void aUpiIntentWithoutPayeeOrAmountOrUnreadableIsRefused() {
        for (String intent : List.of("upi://pay?pn=Shop&am=10.00", "upi://pay?pa=shop@bank&pn=Shop",
                "https://pay.example/?pa=shop@bank&am=10")) {
            oqpay.issues(intent);
            QrCreation creation = service.create("acme", routed("10"));
            assertEquals(QrStatus.FAILED, stored(creation).status(), intent);
            assertEquals("invalid_upi_intent", creation.failure().orElseThrow().code(), intent);
        }
    }

    @Test
    void theSameAmountSpelledDifferentlyIsAccepted() {
        oqpay.issues("upi://pay?pa=shop@bank&pn=Shop&am=10&cu=INR");
        QrCreation creation = service.create("acme", routed("10.00"));
        assertEquals(QrStatus.ACTIVE, stored(creation).status());
    }

    @Test
    void everyStateChangeIsRecordedAsTheProvidersDoing() {
        oqpay.issues(GOOD_INTENT);
        QrCreation creation = service.create("acme", routed("10"));
        List<String> sources = store.history(creation.qr().id()).stream().map(c -> c.source()).toList();
        assertEquals("provider:OQPAY", sources.get(sources.size() - 1));
        ProviderAttempt attempt = store.attempts(creation.qr().id()).get(0);
        assertEquals(NOW, attempt.at());
    }
}
