package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.payments.QrPayment;
import io.payorch.application.port.out.PaymentReviewPort;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Payments as operations review them ({@code qr_payment}; the waiting queue is qr_payment_waiting_idx, V18). */
@Singleton
class JdbcPaymentReview implements PaymentReviewPort {

    private static final String COLUMNS = "id, provider, payment_id, qr_id, amount_paise, upi_reference, received_at,"
            + " status, flag_reason, held, resolved_at, resolved_by, resolution_note";
    /** As QrPayment.isWaiting(): held payments are still payorch's to apply (V20), not operations'. */
    private static final String WAITING = "status <> 'applied' AND NOT held AND resolved_at IS NULL";

    private final TransactionOperations<Connection> transactions;

    JdbcPaymentReview(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<QrPayment> waiting(PageCursor after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM qr_payment WHERE " + WAITING
                + (after == null ? "" : " AND (received_at, id) > (?, ?)") + " ORDER BY received_at, id LIMIT ?";
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                if (after != null) {
                    s.setTimestamp(i++, Timestamp.from(after.createdAt()));
                    s.setLong(i++, cursorId(after));
                }
                s.setInt(i, limit);
                return list(s);
            }
        });
    }

    private static long cursorId(PageCursor after) {
        try {
            return Long.parseLong(after.id());
        } catch (NumberFormatException e) {
            throw io.payorch.application.InvalidRequestException.of(PageCursor.FIELD, "is not a cursor of this list");
        }
    }

    @Override
    public long countWaiting() {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM qr_payment WHERE " + WAITING);
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public List<QrPayment> forQr(String qrId) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM qr_payment WHERE qr_id = ? ORDER BY id")) {
                s.setString(1, qrId);
                return list(s);
            }
        });
    }

    @Override
    public Optional<QrPayment> find(long id) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM qr_payment WHERE id = ?")) {
                s.setLong(1, id);
                return list(s).stream().findFirst();
            }
        });
    }

    @Override
    public boolean resolve(long id, String by, Instant at, String note) {
        return SqlTransactions.write(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE qr_payment SET resolved_at = ?, resolved_by = ?,"
                    + " resolution_note = ? WHERE id = ? AND " + WAITING)) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, by);
                s.setString(3, note);
                s.setLong(4, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static List<QrPayment> list(PreparedStatement s) throws SQLException {
        List<QrPayment> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Instant resolvedAt = QrRows.instant(r, "resolved_at");
                found.add(new QrPayment(r.getLong("id"), Provider.valueOf(r.getString("provider")), r.getString("payment_id"),
                        r.getString("qr_id"), Money.ofPaise(r.getLong("amount_paise")), r.getString("upi_reference"),
                        QrRows.instant(r, "received_at"), r.getString("status"), r.getString("flag_reason"),
                        r.getBoolean("held"), resolvedAt == null ? null : new QrPayment.Resolution(r.getString("resolved_by"), resolvedAt,
                                r.getString("resolution_note"))));
            }
        }
        return found;
    }
}
