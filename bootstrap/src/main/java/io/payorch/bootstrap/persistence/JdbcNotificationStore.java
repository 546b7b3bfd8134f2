package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.port.out.NotificationStore;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Received notification events ({@code webhook_event}) and payments ({@code qr_payment}) in plain SQL. */
@Singleton
public class JdbcNotificationStore implements NotificationStore {

    private static final String CLAIM = "INSERT INTO webhook_event (provider, event_id, event_type, received_at, outcome)"
            + " VALUES (?, ?, ?, ?, 'processing') ON CONFLICT (provider, event_id) DO NOTHING";
    private static final String COMPLETE = "UPDATE webhook_event SET outcome = ?, qr_id = ?, detail = ?"
            + " WHERE provider = ? AND event_id = ?";
    private static final String PAYMENT = "INSERT INTO qr_payment (provider, payment_id, qr_id, amount_paise,"
            + " upi_reference, event_id, received_at, status, flag_reason, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (provider, payment_id) DO NOTHING";
    private static final String HELD = "SELECT provider, payment_id, qr_id, amount_paise, upi_reference, event_id,"
            + " received_at, status, flag_reason FROM qr_payment WHERE qr_id = ? AND held ORDER BY id FOR UPDATE";
    private static final String RESOLVE = "UPDATE qr_payment SET status = ?, flag_reason = ?, held = false"
            + " WHERE provider = ? AND payment_id = ?";
    private static final String BY_REFERENCE = "SELECT " + QrRows.COLUMNS + " FROM qr_intent"
            + " WHERE provider = ? AND provider_reference = ? ORDER BY created_at DESC LIMIT 1";

    private final TransactionOperations<Connection> transactions;

    JdbcNotificationStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean claimEvent(Provider provider, String eventId, String eventType, Instant receivedAt) {
        return SqlTransactions.write(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(CLAIM)) {
                s.setString(1, provider.name());
                s.setString(2, eventId);
                s.setString(3, truncate(eventType, 64));
                s.setTimestamp(4, Timestamp.from(receivedAt));
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void completeEvent(Provider provider, String eventId, String outcome, String qrId, String detail) {
        SqlTransactions.write(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(COMPLETE)) {
                s.setString(1, outcome);
                s.setString(2, qrId);
                s.setString(3, detail);
                s.setString(4, provider.name());
                s.setString(5, eventId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean recordPayment(PaymentRecord p) {
        return SqlTransactions.write(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(PAYMENT)) {
                s.setString(1, p.provider().name());
                s.setString(2, p.paymentId());
                s.setString(3, p.qrId());
                s.setLong(4, p.amount().paise());
                s.setString(5, p.upiReference());
                s.setString(6, p.eventId());
                s.setTimestamp(7, Timestamp.from(p.receivedAt()));
                s.setString(8, p.status());
                s.setString(9, p.flagReason());
                s.setBoolean(10, p.held());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<PaymentRecord> heldFor(String qrId) {
        return SqlTransactions.write(transactions, connection -> {
            List<PaymentRecord> held = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(HELD)) {
                s.setString(1, qrId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.add(new PaymentRecord(Provider.valueOf(r.getString("provider")), r.getString("payment_id"),
                                r.getString("qr_id"), Money.ofPaise(r.getLong("amount_paise")),
                                r.getString("upi_reference"), r.getString("event_id"),
                                QrRows.instant(r, "received_at"), r.getString("status"), r.getString("flag_reason"),
                                true));
                    }
                }
            }
            return held;
        });
    }

    @Override
    public void resolveHeld(Provider provider, String paymentId, String status, String flagReason) {
        SqlTransactions.write(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(RESOLVE)) {
                s.setString(1, status);
                s.setString(2, flagReason);
                s.setString(3, provider.name());
                s.setString(4, paymentId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<QrIntent> findByProviderReference(Provider provider, String reference) {
        return SqlTransactions.read(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(BY_REFERENCE)) {
                s.setString(1, provider.name());
                s.setString(2, reference);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(QrRows.read(r)) : Optional.<QrIntent>empty();
                }
            }
        });
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
