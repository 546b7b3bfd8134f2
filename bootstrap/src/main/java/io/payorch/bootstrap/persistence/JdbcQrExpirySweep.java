package io.payorch.bootstrap.persistence;

import io.payorch.application.port.out.ExpiredBatch;
import io.payorch.application.port.out.QrExpiryPort;
import io.payorch.domain.QrIntent;
import io.micronaut.transaction.TransactionOperations;
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

/**
 * The QR expiry sweep in plain SQL. One call = one transaction: claim up to {@code limit} due
 * {@code ACTIVE} rows with {@code FOR UPDATE SKIP LOCKED} (rows another sweeper holds are skipped,
 * never waited for), let the domain expire each, write status and a new version, and one event each.
 */
@Singleton
public class JdbcQrExpirySweep implements QrExpiryPort {

    private static final String CLAIM = "SELECT " + QrRows.COLUMNS + " FROM qr_intent"
            + " WHERE status = 'ACTIVE' AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String UPDATE = "UPDATE qr_intent SET status = ?, version = version + 1, updated_at = ?"
            + " WHERE id = ? AND version = ?";
    private static final String OLDEST = "SELECT min(expires_at) FROM qr_intent WHERE status = 'ACTIVE' AND expires_at <= ?";
    private static final String SOURCE = "sweep";

    private final TransactionOperations<Connection> transactions;

    JdbcQrExpirySweep(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public ExpiredBatch expireDue(Instant now, int limit) {
        return SqlTransactions.write(transactions, connection -> {
            Connection c = connection;
            List<QrIntent> due = claim(c, now, limit);
            List<ExpiredBatch.Item> items = new ArrayList<>(due.size());
            try (PreparedStatement update = c.prepareStatement(UPDATE);
                 PreparedStatement events = c.prepareStatement(QrRows.INSERT_EVENT)) {
                for (QrIntent qr : due) {
                    Instant expiredAt = qr.expiry().at();
                    qr.expire(now, SOURCE);
                    update.setString(1, qr.status().name());
                    update.setTimestamp(2, Timestamp.from(now));
                    update.setString(3, qr.id());
                    update.setLong(4, qr.version());
                    update.addBatch();
                    QrRows.addEvents(events, qr.id(), qr.pendingChanges());
                    items.add(new ExpiredBatch.Item(qr.id(), qr.provider() == null ? null : qr.provider().name(),
                            expiredAt));
                }
                if (!due.isEmpty()) {
                    for (int updated : update.executeBatch()) {
                        if (updated != 1) {
                            throw new IllegalStateException("a claimed QR changed under its row lock");
                        }
                    }
                    events.executeBatch();
                }
            }
            return new ExpiredBatch(items);
        });
    }

    private static List<QrIntent> claim(Connection c, Instant now, int limit) throws SQLException {
        List<QrIntent> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(QrRows.read(r));
                }
            }
        }
        return due;
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
        return SqlTransactions.read(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(OLDEST)) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(QrRows.instant(r, "min")) : Optional.<Instant>empty();
                }
            }
        });
    }
}
