package io.payorch.application.service;

import io.payorch.application.NotFoundException;
import io.payorch.application.ProviderCallFailedException;
import io.payorch.application.port.in.CloseQrIntentUseCase;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.domain.Actor;
import io.payorch.domain.IllegalTransitionException;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Closes QRs on demand. Where the provider holds the QR open itself (Razorpay) it is closed there
 * first, with no transaction open, and only a confirmed close is recorded; elsewhere payorch stops
 * honouring it (reason {@code on_demand}).
 */
public final class CloseQrService implements CloseQrIntentUseCase {

    public static final String ON_DEMAND = "on_demand";

    private final QrIntentStore store;
    private final Map<Provider, QrProviderPort> providers = new EnumMap<>(Provider.class);
    private final Clock clock;

    public CloseQrService(QrIntentStore store, List<QrProviderPort> providers, Clock clock) {
        this.store = store;
        providers.forEach(p -> this.providers.put(p.provider(), p));
        this.clock = clock;
    }

    @Override
    public QrIntent close(String id, Actor actor) {
        QrIntent qr = store.findById(id).filter(found -> actor.isAdmin() || found.isOwnedBy(actor.merchantId()))
                .orElseThrow(() -> new NotFoundException("QR", id));
        if (!qr.status().canBecome(QrStatus.CLOSED)) {
            throw new IllegalTransitionException("QR", qr.status(), QrStatus.CLOSED);
        }
        QrProviderPort port = qr.provider() == null ? null : providers.get(qr.provider());
        if (port != null && port.closesAtProvider()) {
            closeAtProvider(qr, port);
        }
        qr.close(ON_DEMAND, clock.instant(), actor.source());
        store.update(qr);
        return qr;
    }

    private void closeAtProvider(QrIntent qr, QrProviderPort port) {
        ProviderOutcome<ProviderQr> outcome = port.close(qr.providerReference());
        store.recordAttempt(qr.id(), new ProviderAttempt(port.provider(), "close_" + outcome.label(), clock.instant(),
                outcome.describe(closed -> "closed at provider")));
        if (!(outcome instanceof ProviderOutcome.Accepted)) {
            throw new ProviderCallFailedException(outcome.failure(port.provider().name()));
        }
    }
}
