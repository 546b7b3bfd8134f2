package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Keeps QR intents in PostgreSQL. Every write is one statement ({@link AggregateWrite}): the row,
 * its new events and the deciding provider attempt together, atomic by itself, one round trip
 * (joining the caller's transaction when there is one).
 */
@Singleton
public class JdbcQrIntentStore implements QrIntentStore {

    private static final String TABLE = "qr_intent";
    private static final String FIND_BY_ID = "SELECT " + QrRows.COLUMNS + " FROM " + TABLE + " WHERE id = ?";
    private final QrIntentEventRepository events;
    private final QrProviderAttemptRepository attempts;
    private final ConnectionOperations<Connection> connections;
    private final Clock clock;

    JdbcQrIntentStore(QrIntentEventRepository events, QrProviderAttemptRepository attempts,
                      ConnectionOperations<Connection> connections, Clock clock) {
        this.events = events;
        this.attempts = attempts;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public void insert(QrIntent intent) {
        QrIntent.Snapshot s = intent.snapshot();
        AggregateWrite write = columns(AggregateWrite.insert(TABLE).set("id", s.id()), s)
                .set("merchant_id", s.merchantId())
                .set("registration_id", s.registrationId())
                .set("amount_paise", s.amount() == null ? null : s.amount().paise())
                .set("usage", s.usage().wire())
                .set("description", s.description())
                .set("created_at", s.createdAt())
                .set("version", s.version());
        save(intent, write);
    }

    @Override
    public void update(QrIntent intent) {
        save(intent, columns(AggregateWrite.update(TABLE, intent.id(), intent.version()), intent.snapshot()));
    }

    @Override
    public void update(QrIntent intent, ProviderAttempt decidingAttempt) {
        save(intent, columns(AggregateWrite.update(TABLE, intent.id(), intent.version()), intent.snapshot())
                .withDependent("qr_provider_attempt", "qr_id", attemptColumns(decidingAttempt)));
    }

    /** The columns a QR's life changes. */
    private AggregateWrite columns(AggregateWrite write, QrIntent.Snapshot s) {
        return write.set("provider", s.provider() == null ? null : s.provider().name())
                .set("status", s.status().name())
                .set("provider_reference", s.providerReference())
                .set("upi_intent", s.upiIntent())
                .set("image_url", s.imageUrl())
                .set("expires_at", s.expiresAt())
                .set("closed_at", s.closedAt())
                .set("close_reason", s.closeReason())
                .set("failure_reason", s.failureReason())
                .set("payments_count", s.paymentsCount())
                .set("payments_total_paise", s.paymentsTotalPaise())
                .set("updated_at", clock.instant());
    }

    private void save(QrIntent intent, AggregateWrite write) {
        intent.markSaved(write.withEvents("qr_intent_event", "qr_id", intent.pendingChanges()).save(connections, "QR", intent.id()));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QrIntent> findById(String id) {
        if (!QrRows.storableId(id)) {
            return Optional.empty();
        }
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_BY_ID)) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(QrRows.read(r)) : Optional.<QrIntent>empty();
                }
            }
        });
    }

    @Override
    public void recordAttempt(String qrId, ProviderAttempt attempt) {
        // the attempt's qr_id comes from the QR row itself (the audit tables carry no foreign key,
        // see V6): an attempt for a QR that does not exist writes nothing and fails here
        if (SqlTransactions.statement(connections, c -> AggregateWrite.insertChildOf(c, TABLE, qrId,
                "qr_provider_attempt", "qr_id", attemptColumns(attempt))) != 1) {
            throw new IllegalStateException("no QR " + qrId + " to record a provider attempt for");
        }
    }

    private static Map<String, Object> attemptColumns(ProviderAttempt attempt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("provider", attempt.provider().name());
        row.put("outcome", attempt.outcome());
        row.put("at", attempt.at());
        row.put("detail", attempt.detail());
        return row;
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
}
