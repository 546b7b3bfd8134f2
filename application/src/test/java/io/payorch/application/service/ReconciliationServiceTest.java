package io.payorch.application.service;

import io.payorch.application.lifecycle.ClaimGate;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.lifecycle.ReconcileReport;
import io.payorch.application.lifecycle.SweepSettings;
import io.payorch.application.port.out.ExpiredBatch;
import io.payorch.application.port.out.OpenQrClaimPort;
import io.payorch.application.port.out.OtpExpiryPort;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrExpiryPort;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;
import io.payorch.domain.StateChange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reconciliation where the provider can be asked (Razorpay by QR id), with a fake provider. */
class ReconciliationServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    private final InMemoryQrStore store = new InMemoryQrStore();
    private final FakeQrProvider razorpay = new FakeQrProvider(Provider.RAZORPAY, true);
    private final List<String> open = new ArrayList<>();
    private final List<String> replayed = new ArrayList<>();
    private final LifecycleCounters counters = new LifecycleCounters();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SweepSettings settings = new SweepSettings(500, 1, Duration.ofMinutes(2), Map.of(),
            Duration.ofMinutes(15), Duration.ofMinutes(1));
    private final List<String> released = new ArrayList<>();
    private final OpenQrClaimPort claims = new OpenQrClaimPort() {
        @Override
        public List<QrIntent> claimOpen(Instant pendingBefore, Instant now, Instant recheckAt, int limit) {
            List<QrIntent> claimed = open.stream().map(id -> store.findById(id).orElseThrow()).toList();
            open.clear();
            return claimed;
        }

        @Override
        public void release(List<String> ids, Instant recheckAt) {
            assertEquals(NOW.plus(settings.recheckAfter()), recheckAt, "the lease it was claimed with");
            released.addAll(ids);
        }
    };
    private final ClaimGate gate = new ClaimGate();
    private final ReconciliationService service = new ReconciliationService(claims, store, List.of(razorpay), clock,
            settings, counters, new ExpirySweepService(noQrs(), noOtps(), clock, settings, counters), id -> {
                replayed.add(id);
                return 0;
            }, gate);

    @Test
    void anUnknownQrThatRazorpayHasBecomesActiveWithItsEvent() {
        String id = unknown();
        razorpay.fetchAnswer = new ProviderOutcome.Accepted<>(new ProviderQr(Provider.RAZORPAY, "qr_HMsVL8HOpbMcjU",
                "upi://pay?pa=x@razorpay&am=10.00", "https://rzp.io/i/BWcUVrLp", null));

        ReconcileReport report = service.reconcile();

        assertEquals(1, report.activated());
        QrIntent qr = store.findById(id).orElseThrow();
        assertEquals(QrStatus.ACTIVE, qr.status());
        assertEquals("qr_HMsVL8HOpbMcjU", qr.providerReference());
        StateChange last = last(id);
        assertEquals("UNKNOWN", last.from());
        assertEquals("ACTIVE", last.to());
        assertEquals("reconciliation", last.source());
        assertEquals(1, counters.count(LifecycleCounters.RECONCILIATION, "RAZORPAY", "activated"));
        assertEquals(List.of(id), replayed, "payments held while it was UNKNOWN are applied now");
    }

    @Test
    void aQrRazorpayDoesNotKnowFailsAndAnUnclearAnswerLeavesItOpen() {
        String id = unknown();
        razorpay.fetchAnswer = new ProviderOutcome.Unknown<>("provider answered HTTP 503", false);
        assertEquals(1, service.reconcile().stillOpen());
        assertEquals(QrStatus.UNKNOWN, store.findById(id).orElseThrow().status());

        open.add(id);
        razorpay.fetchAnswer = new ProviderOutcome.Rejected<>("BAD_REQUEST_ERROR", "The id provided does not exist", ProviderOutcome.Reason.NOT_FOUND);
        assertEquals(1, service.reconcile().failed());
        assertEquals(QrStatus.FAILED, store.findById(id).orElseThrow().status());
        assertEquals("FAILED", last(id).to());
    }

    @Test
    void withNoClearAnswerAfterTheLifetimeItIsAbandoned() {
        String id = pending("qr_stale", Provider.RAZORPAY, NOW.minus(Duration.ofMinutes(16)));
        razorpay.fetchAnswer = new ProviderOutcome.Unknown<>("QR Code qr_x is closed, expected active", false);
        assertEquals(1, service.reconcile().failed());
        assertEquals("abandoned", store.findById(id).orElseThrow().failureReason());
        assertEquals("reconcile_unknown", store.attempts(id).get(0).outcome());
    }

    @Test
    void whereTheProviderCannotBeAskedItIsAbandonedOnlyAfterItsLifetime() {
        FakeQrProvider aop = new FakeQrProvider(Provider.AOP, false);
        ReconciliationService withAop = new ReconciliationService(claims, store, List.of(aop), clock, settings,
                counters, new ExpirySweepService(noQrs(), noOtps(), clock, settings, counters), id -> {
                replayed.add(id);
                return 0;
            }, gate);
        String young = pending("qr_young", Provider.AOP, NOW.minus(Duration.ofMinutes(14)));
        String old = pending("qr_old", Provider.AOP, NOW.minus(Duration.ofMinutes(15)));

        ReconcileReport report = withAop.reconcile();

        assertEquals(1, report.failed());
        assertEquals(QrStatus.PENDING, store.findById(young).orElseThrow().status());
        assertEquals(QrStatus.FAILED, store.findById(old).orElseThrow().status());
        assertEquals("abandoned", store.findById(old).orElseThrow().failureReason());
        assertEquals("PENDING", last(old).from());
        assertEquals("abandoned", last(old).reason());
    }

    @Test
    void aClosedGateClaimsNothing() {
        String id = unknown();
        gate.close();

        ReconcileReport report = service.reconcile();

        assertEquals(0, report.examined());
        assertEquals(List.of(id), open, "never claimed");
        assertEquals(0, razorpay.calls.size());
    }

    @Test
    void whenTheGateClosesMidBatchTheQrsNotYetAskedAboutAreReleased() {
        String first = pending("qr_first", Provider.RAZORPAY, NOW.minus(Duration.ofMinutes(5)));
        String second = pending("qr_second", Provider.RAZORPAY, NOW.minus(Duration.ofMinutes(5)));
        String third = pending("qr_third", Provider.RAZORPAY, NOW.minus(Duration.ofMinutes(5)));
        razorpay.fetchAnswer = new ProviderOutcome.Unknown<>("no answer within the read timeout", true);
        razorpay.onFetch = gate::close; // the shutdown begins while the first one is being asked about

        ReconcileReport report = service.reconcile();

        assertEquals(1, report.examined());
        assertEquals(1, razorpay.calls.size());
        assertEquals(List.of(second, third), released);
        assertEquals(QrStatus.PENDING, store.findById(first).orElseThrow().status());
    }

    private String unknown() {
        QrIntent qr = QrIntent.open("qr_u", "acme", "REG-1", Money.ofRupees(10), QrUsage.SINGLE_USE, null, Provider.RAZORPAY,
                NOW.minusSeconds(300));
        qr.markUnknown("no answer within the read timeout", NOW.minusSeconds(290), "provider");
        store.insert(qr);
        open.add(qr.id());
        return qr.id();
    }

    private String pending(String id, Provider provider, Instant createdAt) {
        QrIntent qr = QrIntent.open(id, "acme", "REG-1", Money.ofRupees(10), QrUsage.SINGLE_USE, null, provider, createdAt);
        store.insert(qr);
        open.add(id);
        return id;
    }

    private StateChange last(String id) {
        List<StateChange> history = store.history(id);
        return history.get(history.size() - 1);
    }

    static QrExpiryPort noQrs() {
        return new QrExpiryPort() {
            public ExpiredBatch expireDue(Instant now, int limit) { return new ExpiredBatch(List.of()); }
            public Optional<Instant> oldestDue(Instant now) { return Optional.empty(); }
        };
    }

    static OtpExpiryPort noOtps() {
        return new OtpExpiryPort() {
            public ExpiredBatch expireDue(Instant now, int limit) { return new ExpiredBatch(List.of()); }
            public Optional<Instant> oldestDue(Instant now) { return Optional.empty(); }
        };
    }
}
