package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.port.out.OpenQrClaimPort;
import io.payorch.domain.QrIntent;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out open QRs for reconciliation: claims them with {@code FOR UPDATE SKIP LOCKED} and
 * moves their {@code reconcile_after} lease forward in the same short transaction, so that no
 * other instance takes them while this one asks the provider (with no transaction open).
 */
@Singleton
public class JdbcOpenQrClaims implements OpenQrClaimPort {

    private static final String CLAIM = "WITH open AS ("
            + "  SELECT id FROM qr_intent"
            + "  WHERE (status = 'UNKNOWN' OR (status = 'PENDING' AND created_at <= ?))"
            + "    AND (reconcile_after IS NULL OR reconcile_after <= ?)"
            + "  ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED"
            + ") UPDATE qr_intent q SET reconcile_after = ? FROM open WHERE q.id = open.id"
            + " RETURNING " + QrRows.COLUMNS.replaceAll("(\\w+)", "q.$1");
    /** Only the lease this instance took: a QR claimed again since (lease moved on) is not touched. */
    private static final String RELEASE = "UPDATE qr_intent SET reconcile_after = NULL"
            + " WHERE id = ANY (?) AND reconcile_after = ?";

    private final TransactionOperations<Connection> transactions;

    JdbcOpenQrClaims(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<QrIntent> claimOpen(Instant pendingBefore, Instant now, Instant recheckAt, int limit) {
        return SqlTransactions.write(transactions, connection -> {
            List<QrIntent> claimed = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(CLAIM)) {
                s.setTimestamp(1, Timestamp.from(pendingBefore));
                s.setTimestamp(2, Timestamp.from(now));
                s.setInt(3, limit);
                s.setTimestamp(4, Timestamp.from(recheckAt));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        claimed.add(QrRows.read(r));
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public void release(List<String> ids, Instant recheckAt) {
        if (ids.isEmpty()) {
            return;
        }
        SqlTransactions.write(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(RELEASE)) {
                s.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
                s.setTimestamp(2, Timestamp.from(recheckAt));
                return s.executeUpdate();
            }
        });
    }
}
