package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.merchantwebhook.WebhookEndpoint;
import io.payorch.application.port.out.WebhookEndpointStore;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints in PostgreSQL, one auto-committed statement per call, always scoped to the merchant. */
@Singleton
class JdbcWebhookEndpointStore implements WebhookEndpointStore {

    private static final String COLUMNS = "id, merchant_id, url, events, description, enabled, disabled_reason,"
            + " created_at, updated_at";

    private final ConnectionOperations<Connection> connections;

    JdbcWebhookEndpointStore(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public void insert(WebhookEndpoint e, String sealedSecret) {
        SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_endpoint (" + COLUMNS
                    + ", secret_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, e.id());
                s.setString(2, e.merchant());
                s.setString(3, e.url());
                s.setArray(4, c.createArrayOf("text", e.events().toArray()));
                s.setString(5, e.description());
                s.setBoolean(6, e.enabled());
                s.setString(7, e.disabledReason());
                s.setTimestamp(8, Timestamp.from(e.createdAt()));
                s.setTimestamp(9, Timestamp.from(e.updatedAt()));
                s.setString(10, sealedSecret);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<WebhookEndpoint> find(String merchant, String id) {
        List<WebhookEndpoint> found = query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE merchant_id = ? AND id = ?",
                List.of(merchant, id));
        return found.stream().findFirst();
    }

    @Override
    public List<WebhookEndpoint> list(String merchant, PageCursor after, int limit) {
        SqlWhere where = new SqlWhere().equal("merchant_id", merchant)
                .after(after == null ? null : after.createdAt(), after == null ? null : after.id());
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_endpoint" + where.sql()
                    + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
                s.setInt(where.bind(s), limit);
                return rows(s);
            }
        });
    }

    @Override
    public boolean update(WebhookEndpoint e) {
        // enabling again forgets past failures: the endpoint starts a fresh disable-after period
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE webhook_endpoint SET url = ?, events = ?,"
                    + " description = ?, failing_since = CASE WHEN ? AND NOT enabled THEN NULL ELSE failing_since END,"
                    + " enabled = ?, disabled_reason = ?, updated_at = ? WHERE merchant_id = ? AND id = ?")) {
                s.setString(1, e.url());
                s.setArray(2, c.createArrayOf("text", e.events().toArray()));
                s.setString(3, e.description());
                s.setBoolean(4, e.enabled());
                s.setBoolean(5, e.enabled());
                s.setString(6, e.disabledReason());
                s.setTimestamp(7, Timestamp.from(e.updatedAt()));
                s.setString(8, e.merchant());
                s.setString(9, e.id());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String merchant, String id) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM webhook_endpoint WHERE merchant_id = ? AND id = ?")) {
                s.setString(1, merchant);
                s.setString(2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean rotate(String merchant, String id, String sealedSecret, Instant previousUntil, Instant now) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE webhook_endpoint SET previous_secret_sealed ="
                    + " secret_sealed, previous_secret_until = ?, secret_sealed = ?, updated_at = ?"
                    + " WHERE merchant_id = ? AND id = ?")) {
                s.setTimestamp(1, Timestamp.from(previousUntil));
                s.setString(2, sealedSecret);
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, merchant);
                s.setString(5, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long disabledCount() {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM webhook_endpoint WHERE NOT enabled");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private List<WebhookEndpoint> query(String sql, List<Object> values) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    s.setObject(i + 1, values.get(i));
                }
                return rows(s);
            }
        });
    }

    private static List<WebhookEndpoint> rows(PreparedStatement s) throws SQLException {
        List<WebhookEndpoint> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new WebhookEndpoint(r.getString(1), r.getString(2), r.getString(3),
                        Arrays.asList((String[]) r.getArray(4).getArray()), r.getString(5), r.getBoolean(6),
                        r.getString(7), r.getTimestamp(8).toInstant(), r.getTimestamp(9).toInstant()));
            }
        }
        return rows;
    }
}
