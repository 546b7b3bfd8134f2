package io.payorch.bootstrap.persistence;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;
import io.payorch.domain.StateChange;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Keeps QR intents in PostgreSQL; each save writes the row and its new events in one transaction. */
@Singleton
public class JdbcQrIntentStore implements QrIntentStore {

    private final QrIntentRepository intents;
    private final QrIntentEventRepository events;
    private final QrProviderAttemptRepository attempts;
    private final Clock clock;

    JdbcQrIntentStore(QrIntentRepository intents, QrIntentEventRepository events,
                      QrProviderAttemptRepository attempts, Clock clock) {
        this.intents = intents;
        this.events = events;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void insert(QrIntent intent) {
        QrIntentRow saved = intents.save(toRow(intent));
        saveEvents(intent);
        intent.markSaved(saved.version());
    }

    @Override
    @Transactional
    public void update(QrIntent intent) {
        QrIntentRow saved;
        try {
            saved = intents.update(toRow(intent));
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("QR", intent.id());
        }
        saveEvents(intent);
        intent.markSaved(saved.version());
    }

    @Override
    @Transactional
    public void update(QrIntent intent, ProviderAttempt decidingAttempt) {
        recordAttempt(intent.id(), decidingAttempt);
        update(intent);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QrIntent> findById(String id) {
        if (!QrRows.storableId(id)) {
            return Optional.empty();
        }
        return intents.findById(id).map(JdbcQrIntentStore::toDomain);
    }

    @Override
    @Transactional
    public void recordAttempt(String qrId, ProviderAttempt attempt) {
        attempts.save(new QrProviderAttemptRow(null, qrId, attempt.provider().name(), attempt.outcome(),
                attempt.at(), attempt.detail()));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StateChange> history(String qrId) {
        return events.findByQrIdOrderById(qrId).stream()
                .map(e -> new StateChange(e.fromStatus(), e.toStatus(), e.at(), e.reason(), e.source()))
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProviderAttempt> attempts(String qrId) {
        return attempts.findByQrIdOrderById(qrId).stream()
                .map(a -> new ProviderAttempt(Provider.valueOf(a.provider()), a.outcome(), a.at(), a.detail()))
                .toList();
    }

    private void saveEvents(QrIntent intent) {
        List<QrIntentEventRow> rows = intent.pendingChanges().stream()
                .map(c -> new QrIntentEventRow(null, intent.id(), c.from(), c.to(), c.at(), c.reason(), c.source()))
                .toList();
        if (!rows.isEmpty()) {
            events.saveAll(rows);
        }
    }

    private QrIntentRow toRow(QrIntent qr) {
        QrIntent.Snapshot s = qr.snapshot();
        return new QrIntentRow(s.id(), s.registrationId(), s.provider() == null ? null : s.provider().name(),
                s.amount() == null ? null : s.amount().paise(), s.usage().wire(), s.description(), s.status().name(),
                s.providerReference(), s.upiIntent(), s.imageUrl(), s.expiresAt(), s.closedAt(), s.closeReason(),
                s.failureReason(), s.paymentsCount(), s.paymentsTotalPaise(), s.createdAt(), clock.instant(),
                s.version());
    }

    static QrIntent toDomain(QrIntentRow r) {
        return QrIntent.restore(new QrIntent.Snapshot(r.id(), r.registrationId(),
                r.amountPaise() == null ? null : Money.ofPaise(r.amountPaise()), QrUsage.parse(r.usage()),
                r.description(), r.createdAt(), r.version(), r.provider() == null ? null : Provider.valueOf(r.provider()),
                QrStatus.valueOf(r.status()), r.providerReference(), r.upiIntent(), r.imageUrl(), r.expiresAt(),
                r.closedAt(), r.closeReason(), r.failureReason(), r.paymentsCount(), r.paymentsTotalPaise()));
    }
}
