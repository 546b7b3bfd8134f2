package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.merchantwebhook.StoredEvent;
import io.payorch.application.port.out.WebhookEventReadPort;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A merchant's outgoing events, read back (always scoped to the merchant). */
@Singleton
class JdbcWebhookEventReader implements WebhookEventReadPort {

    private static final String COLUMNS = "SELECT id, merchant_id, type, created_at, payload FROM outbound_event";

    private final ConnectionOperations<Connection> connections;

    JdbcWebhookEventReader(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public Optional<StoredEvent> find(String merchant, String id) {
        return query(new SqlWhere().equal("merchant_id", merchant).equal("id", id), 1).stream().findFirst();
    }

    @Override
    public List<StoredEvent> list(String merchant, String type, Instant createdFrom, PageCursor after, int limit) {
        return query(new SqlWhere().equal("merchant_id", merchant).equal("type", type).atLeast("created_at", createdFrom)
                .after(after == null ? null : after.createdAt(), after == null ? null : after.id()), limit);
    }

    private List<StoredEvent> query(SqlWhere where, int limit) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(COLUMNS + where.sql()
                    + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
                s.setInt(where.bind(s), limit);
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(new StoredEvent(r.getString(1), r.getString(2), r.getString(3),
                                r.getTimestamp(4).toInstant(), r.getString(5)));
                    }
                }
                return events;
            }
        });
    }
}
