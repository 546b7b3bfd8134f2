package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.port.out.ExpiredBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An expiry sweep as two statements of its subclass: one set-based {@code expire} statement, run in
 * a transaction of its own per batch, whose parameters are, in order, due at or before, the batch
 * limit, the rows' {@code updated_at} and the events' {@code at} (all but the limit {@code now}), and
 * which answers the expired rows as {@code id, provider, expires_at}; and an {@code oldest}
 * statement answering {@code min} of the due rows' expiry, due at or before its one parameter.
 */
abstract class SetBasedExpiry {

    private final TransactionOperations<Connection> transactions;
    private final String expire;
    private final String oldest;

    SetBasedExpiry(TransactionOperations<Connection> transactions, String expire, String oldest) {
        this.transactions = transactions;
        this.expire = expire;
        this.oldest = oldest;
    }

    public ExpiredBatch expireDue(Instant now, int limit) {
        return SqlTransactions.write(transactions, connection -> {
            List<ExpiredBatch.Item> items = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(expire)) {
                Timestamp at = Timestamp.from(now);
                s.setTimestamp(1, at);
                s.setInt(2, limit);
                s.setTimestamp(3, at);
                s.setTimestamp(4, at);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(new ExpiredBatch.Item(r.getString("id"), r.getString("provider"),
                                QrRows.instant(r, "expires_at")));
                    }
                }
            }
            return new ExpiredBatch(items);
        });
    }

    public Optional<Instant> oldestDue(Instant now) {
        return SqlTransactions.read(transactions, connection -> {
            try (PreparedStatement s = connection.prepareStatement(oldest)) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(QrRows.instant(r, "min")) : Optional.<Instant>empty();
                }
            }
        });
    }
}
