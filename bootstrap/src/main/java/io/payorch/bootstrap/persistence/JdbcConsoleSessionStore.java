package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.console.ConsoleSession;
import io.payorch.application.port.out.ConsoleSessionStore;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Console sessions ({@code console_session}, V17), each statement on its own. */
@Singleton
class JdbcConsoleSessionStore implements ConsoleSessionStore {

    private final TransactionOperations<Connection> transactions;

    JdbcConsoleSessionStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(String tokenHash, String adminId, Instant now) {
        update("INSERT INTO console_session (token_hash, admin_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                tokenHash, adminId, Timestamp.from(now), Timestamp.from(now));
    }

    @Override
    public Optional<ConsoleSession> find(String tokenHash) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT admin_id, created_at, last_seen_at FROM console_session WHERE token_hash = ?")) {
                s.setString(1, tokenHash);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new ConsoleSession(r.getString(1), QrRows.instant(r, "created_at"),
                            QrRows.instant(r, "last_seen_at"))) : Optional.<ConsoleSession>empty();
                }
            }
        });
    }

    @Override
    public void touch(String tokenHash, Instant now) {
        update("UPDATE console_session SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
                Timestamp.from(now), tokenHash, Timestamp.from(now));
    }

    @Override
    public void delete(String tokenHash) {
        update("DELETE FROM console_session WHERE token_hash = ?", tokenHash);
    }

    @Override
    public int deleteEnded(Instant idleSince, Instant startedBefore) {
        return update("DELETE FROM console_session WHERE last_seen_at < ? OR created_at < ?",
                Timestamp.from(idleSince), Timestamp.from(startedBefore));
    }

    private int update(String sql, Object... values) {
        return SqlTransactions.write(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        });
    }
}
