package io.payorch.application.service;

import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.lifecycle.ClaimGate;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.lifecycle.ReconcileReport;
import io.payorch.application.lifecycle.SweepReport;
import io.payorch.application.lifecycle.SweepSettings;
import io.payorch.application.port.in.ReconcileOpenQrsUseCase;
import io.payorch.application.port.out.OpenQrClaimPort;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.domain.Actor;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves QRs whose provider outcome is open. Where the provider can be asked (its port's
 * {@code fetch} is not {@code NotAttempted}) its answer decides: it has the QR → {@code ACTIVE}
 * (payments and closing then arrive as notifications); it says there is none (404) →
 * {@code FAILED}; no clear answer → asked again later. Once the provider's QR lifetime has passed
 * with no definitive answer (or where the provider cannot be asked at all), nobody can hold a
 * payable UPI intent for it, so the QR becomes {@code FAILED} with reason {@code abandoned}. No transaction is open during a provider call.
 * Once the {@link ClaimGate} closes (the instance is shutting down) it claims nothing more and
 * releases the claimed QRs it has not asked about yet, so another instance takes them at once.
 */
public final class ReconciliationService implements ReconcileOpenQrsUseCase {

    public static final String ABANDONED = "abandoned";
    private static final String SOURCE = Actor.RECONCILIATION.source();

    private final OpenQrClaimPort claims;
    private final QrIntentStore store;
    private final Map<Provider, QrProviderPort> providers = new EnumMap<>(Provider.class);
    private final Clock clock;
    private final SweepSettings settings;
    private final LifecycleCounters counters;
    private final ExpirySweepService stats;
    private final HeldPaymentReplay heldPayments;
    private final ClaimGate gate;

    public ReconciliationService(OpenQrClaimPort claims, QrIntentStore store, List<QrProviderPort> providers,
                                 Clock clock, SweepSettings settings, LifecycleCounters counters,
                                 ExpirySweepService stats, HeldPaymentReplay heldPayments, ClaimGate gate) {
        this.claims = claims;
        this.store = store;
        providers.forEach(p -> this.providers.put(p.provider(), p));
        this.clock = clock;
        this.settings = settings;
        this.counters = counters;
        this.stats = stats;
        this.heldPayments = heldPayments;
        this.gate = gate;
    }

    @Override
    public ReconcileReport reconcile() {
        Instant start = clock.instant();
        int examined = 0;
        int activated = 0;
        int failed = 0;
        int open = 0;
        List<SweepReport.Failure> failures = new ArrayList<>();
        while (gate.isOpen()) {
            Instant now = clock.instant();
            Instant recheckAt = now.plus(settings.recheckAfter());
            List<QrIntent> batch;
            try {
                batch = claims.claimOpen(now.minus(settings.pendingAfter()), now, recheckAt, settings.batchSize());
            } catch (Exception e) { // also what a driver may throw through a lambda unchecked
                failures.add(new SweepReport.Failure("reconcile", e));
                break;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!gate.isOpen()) {
                    release(batch.subList(i, batch.size()), recheckAt, failures);
                    break;
                }
                QrIntent qr = batch.get(i);
                examined++;
                try {
                    Resolution outcome = resolve(qr, failures);
                    counters.increment(LifecycleCounters.RECONCILIATION, qr.provider() == null ? null
                            : qr.provider().name(), outcome.label);
                    switch (outcome) {
                        case ACTIVATED -> activated++;
                        case FAILED, ABANDONED -> failed++;
                        case WAITING, STILL_UNKNOWN -> open++;
                    }
                } catch (ConcurrentUpdateException e) {
                    open++; // someone else resolved it meanwhile (a notification, another instance)
                } catch (RuntimeException e) {
                    open++;
                    failures.add(new SweepReport.Failure("reconcile " + qr.id(), e));
                }
            }
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
        stats.reconciled(start, activated + failed);
        return new ReconcileReport(examined, activated, failed, open, failures);
    }

    private void release(List<QrIntent> unexamined, Instant recheckAt, List<SweepReport.Failure> failures) {
        try {
            claims.release(unexamined.stream().map(QrIntent::id).toList(), recheckAt);
        } catch (RuntimeException e) {
            // their claims lapse at recheckAt: another instance takes them then
            failures.add(new SweepReport.Failure("release of " + unexamined.size() + " claimed QRs", e));
        }
    }

    /** What reconciling one QR came to; the label is the metric's {@code outcome}. */
    private enum Resolution {
        ACTIVATED("activated"), FAILED("failed"), ABANDONED(ReconciliationService.ABANDONED),
        WAITING("waiting"), STILL_UNKNOWN("still_unknown");

        private final String label;

        Resolution(String label) {
            this.label = label;
        }
    }

    private Resolution resolve(QrIntent qr, List<SweepReport.Failure> failures) {
        QrProviderPort port = qr.provider() == null ? null : providers.get(qr.provider());
        ProviderOutcome<ProviderQr> answer = port == null
                ? new ProviderOutcome.NotAttempted<>("no adapter for " + qr.provider())
                : port.fetch(qr.id(), qr.providerReference());
        Instant now = clock.instant();
        if (!(answer instanceof ProviderOutcome.NotAttempted)) {
            store.recordAttempt(qr.id(), new ProviderAttempt(qr.provider(), "reconcile_" + answer.label(), now,
                    answer.describe(ProviderQr::describe)));
        }
        if (answer instanceof ProviderOutcome.Accepted<ProviderQr> accepted) {
            qr.activate(accepted.value(), now, SOURCE);
            store.update(qr);
            try {
                heldPayments.replayHeld(qr.id());
            } catch (RuntimeException e) {
                // the QR is active; its held payments stay flagged for operations
                failures.add(new SweepReport.Failure("replay of held payments of " + qr.id(), e));
            }
            return Resolution.ACTIVATED;
        }
        if (answer instanceof ProviderOutcome.Rejected<ProviderQr> rejected
                && rejected.reason() == ProviderOutcome.Reason.NOT_FOUND) {
            qr.fail("provider has no such QR: " + rejected.message(), now, SOURCE);
            store.update(qr);
            return Resolution.FAILED;
        }
        if (now.isBefore(qr.createdAt().plus(settings.lifetimeOf(qr.provider())))) {
            // asked again after the recheck delay; a refusal other than 404 says nothing of the QR
            return answer instanceof ProviderOutcome.NotAttempted ? Resolution.WAITING : Resolution.STILL_UNKNOWN;
        }
        qr.fail(ABANDONED, now, SOURCE);
        store.update(qr);
        return Resolution.ABANDONED;
    }
}
