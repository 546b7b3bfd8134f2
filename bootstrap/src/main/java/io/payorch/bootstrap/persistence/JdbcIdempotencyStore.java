package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.idempotency.IdempotencyKey;
import io.payorch.application.idempotency.StoredResponse;
import io.payorch.application.port.out.IdempotencyStore;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency records in PostgreSQL. Each method is one auto-committed statement (never a
 * transaction held across a provider call): the claim is a single
 * {@code INSERT ... ON CONFLICT DO NOTHING}, a takeover an update guarded by the previous holder's
 * token, so any number of instances agree on who holds a key.
 */
@Singleton
public class JdbcIdempotencyStore implements IdempotencyStore {

    private static final String KEY = " WHERE client_id = ? AND operation = ? AND idempotency_key = ?";

    private final ConnectionOperations<Connection> connections;

    JdbcIdempotencyStore(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public boolean insertClaim(IdempotencyKey key, String requestHash, String token, Instant now, Instant expiresAt) {
        String sql = "INSERT INTO idempotency_record (client_id, operation, idempotency_key, request_hash, claim_token,"
                + " claimed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        return update(sql, s -> {
            setKey(s, 1, key);
            s.setString(4, requestHash);
            s.setString(5, token);
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(expiresAt));
        }) == 1;
    }

    @Override
    public Optional<Existing> find(IdempotencyKey key) {
        String sql = "SELECT request_hash, claim_token, claimed_at, expires_at, response_status, response_type,"
                + " response_body, response_location FROM idempotency_record" + KEY;
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                setKey(s, 1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Existing>empty();
                    }
                    int status = r.getInt(5);
                    Optional<StoredResponse> response = r.wasNull() ? Optional.empty()
                            : Optional.of(new StoredResponse(status, r.getString(6), r.getBytes(7), r.getString(8)));
                    return Optional.of(new Existing(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                            r.getTimestamp(4).toInstant(), response));
                }
            }
        });
    }

    @Override
    public boolean takeOver(IdempotencyKey key, String previousToken, String requestHash, String token, Instant now,
                            Instant expiresAt) {
        String sql = "UPDATE idempotency_record SET request_hash = ?, claim_token = ?, claimed_at = ?, expires_at = ?,"
                + " completed_at = NULL, response_status = NULL, response_type = NULL, response_body = NULL,"
                + " response_location = NULL" + KEY + " AND claim_token = ?";
        return update(sql, s -> {
            s.setString(1, requestHash);
            s.setString(2, token);
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, Timestamp.from(expiresAt));
            setKey(s, 5, key);
            s.setString(8, previousToken);
        }) == 1;
    }

    @Override
    public boolean complete(IdempotencyKey key, String token, StoredResponse response, Instant at) {
        String sql = "UPDATE idempotency_record SET completed_at = ?, response_status = ?, response_type = ?,"
                + " response_body = ?, response_location = ?" + KEY + " AND claim_token = ?";
        return update(sql, s -> {
            s.setTimestamp(1, Timestamp.from(at));
            s.setInt(2, response.status());
            s.setString(3, response.contentType());
            s.setBytes(4, response.body());
            s.setString(5, response.location());
            setKey(s, 6, key);
            s.setString(9, token);
        }) == 1;
    }

    @Override
    public void release(IdempotencyKey key, String token) {
        update("DELETE FROM idempotency_record" + KEY + " AND claim_token = ? AND response_status IS NULL", s -> {
            setKey(s, 1, key);
            s.setString(4, token);
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        return update("DELETE FROM idempotency_record WHERE expires_at <= ?", s -> s.setTimestamp(1, Timestamp.from(now)));
    }

    private static void setKey(PreparedStatement s, int first, IdempotencyKey key) throws SQLException {
        s.setString(first, key.client());
        s.setString(first + 1, key.operation());
        s.setString(first + 2, key.key());
    }

    private int update(String sql, Binder binder) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                return s.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }
}
