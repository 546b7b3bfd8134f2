package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.admin.StatusCount;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads counts by state, as QRs and transfer OTPs both answer them: each row is
 * {@code (provider, status, n)} when {@code byProvider}, else {@code (status, n)}.
 */
final class StatusCounts {

    private StatusCounts() {
    }

    static List<StatusCount> read(TransactionOperations<Connection> transactions, String sql, SqlWhere where,
                                  boolean byProvider) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                where.bind(s);
                List<StatusCount> counts = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.add(byProvider
                                ? new StatusCount(r.getString(1), r.getString(2), r.getLong(3))
                                : new StatusCount(null, r.getString(1), r.getLong(2)));
                    }
                }
                return counts;
            }
        });
    }
}
