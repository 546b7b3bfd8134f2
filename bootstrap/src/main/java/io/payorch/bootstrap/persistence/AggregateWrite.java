package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.ConcurrentUpdateException;
import io.payorch.domain.StateChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an aggregate's row, its new state-change events and, optionally, one more dependent row
 * (a QR's deciding provider attempt) as <em>one</em> SQL statement:
 * <pre>
 * WITH w AS (INSERT ... | UPDATE ... WHERE id = ? AND version = ? RETURNING id, version),
 *      d AS (INSERT INTO attempts (...) SELECT w.id, ... FROM w),
 *      e AS (INSERT INTO events (...) SELECT w.id, v.* FROM w, (VALUES (...), ...) v)
 * SELECT version FROM w
 * </pre>
 * One statement is atomic on its own, so outside a transaction it needs no {@code BEGIN}/{@code COMMIT}
 * round trips (the create path's two writes cost one round trip each), and inside one it simply
 * joins. The dependent rows are selected from {@code w}: when an update's version check matches
 * nothing, nothing at all is written and {@link #execute} answers empty.
 */
final class AggregateWrite {

    private final String table;
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private String id;
    private Long expectedVersion;
    private String dependentTable;
    private String dependentKey;
    private Map<String, Object> dependent;
    private String eventTable;
    private String eventKey;
    private List<StateChange> events = List.of();

    private AggregateWrite(String table) {
        this.table = table;
    }

    /** An {@code INSERT} of a new row; the columns include {@code id} and {@code version}. */
    static AggregateWrite insert(String table) {
        return new AggregateWrite(table);
    }

    /** An {@code UPDATE} of row {@code id} if it is still at {@code version}; the version is raised by one. */
    static AggregateWrite update(String table, String id, long version) {
        AggregateWrite w = new AggregateWrite(table);
        w.id = id;
        w.expectedVersion = version;
        return w;
    }

    AggregateWrite set(String column, Object value) {
        columns.put(column, value);
        return this;
    }

    /** One more row in {@code table}, keyed by the aggregate's id in column {@code key}. */
    AggregateWrite withDependent(String table, String key, Map<String, Object> values) {
        this.dependentTable = table;
        this.dependentKey = key;
        this.dependent = new LinkedHashMap<>(values);
        return this;
    }

    /** The state changes, as rows {@code (key, from_status, to_status, at, reason, source)} of {@code table}. */
    AggregateWrite withEvents(String table, String key, List<StateChange> changes) {
        this.eventTable = table;
        this.eventKey = key;
        this.events = List.copyOf(changes);
        return this;
    }

    /**
     * Runs it on the current connection ({@link SqlTransactions#statement}) and answers the row's
     * new version; an update that finds the row changed writes nothing and throws
     * {@link ConcurrentUpdateException} naming {@code entity} and {@code id}.
     */
    long save(ConnectionOperations<Connection> connections, String entity, String id) {
        Long version = SqlTransactions.statement(connections, this::execute);
        if (version == null) {
            throw new ConcurrentUpdateException(entity, id);
        }
        return version;
    }

    /** Runs it; the row's version afterwards, or {@code null} when an update found the row changed. */
    Long execute(Connection connection) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = sql(values);
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                bind(s, i + 1, values.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private String sql(List<Object> values) {
        StringBuilder sql = new StringBuilder("WITH w AS (");
        if (expectedVersion == null) {
            sql.append("INSERT INTO ").append(table).append(" (").append(String.join(", ", columns.keySet()))
                    .append(") VALUES (").append(placeholders(columns.size())).append(')');
            values.addAll(columns.values());
        } else {
            sql.append("UPDATE ").append(table).append(" SET ");
            columns.keySet().forEach(c -> sql.append(c).append(" = ?, "));
            sql.append("version = version + 1 WHERE id = ? AND version = ?");
            values.addAll(columns.values());
            values.add(id);
            values.add(expectedVersion);
        }
        sql.append(" RETURNING id, version)");
        if (dependent != null) {
            sql.append(", d AS (INSERT INTO ").append(dependentTable).append(" (").append(dependentKey).append(", ")
                    .append(String.join(", ", dependent.keySet())).append(") SELECT w.id");
            selected(sql, dependent.values());
            values.addAll(dependent.values());
            sql.append(" FROM w)");
        }
        if (!events.isEmpty()) {
            sql.append(", e AS (INSERT INTO ").append(eventTable).append(" (").append(eventKey)
                    .append(", from_status, to_status, at, reason, source) SELECT w.id, v.* FROM w, (VALUES ");
            for (int i = 0; i < events.size(); i++) {
                StateChange c = events.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?::varchar, ?::varchar, ?::timestamptz, ?::text, ?::varchar)");
                values.add(c.from());
                values.add(c.to());
                values.add(c.at());
                values.add(c.reason());
                values.add(c.source());
            }
            sql.append(") AS v)");
        }
        return sql.append(" SELECT version FROM w").toString();
    }

    /**
     * An {@code INSERT} of one row that belongs to row {@code parentId} of {@code parentTable} but
     * changes nothing of it, its key taken from the parent row itself
     * ({@code INSERT ... SELECT id, ... FROM parent WHERE id = ?}); answers the rows written, 0 when
     * there is no such parent.
     */
    static int insertChildOf(Connection connection, String parentTable, String parentId, String table, String key,
                             Map<String, Object> columns) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(key).append(", ")
                .append(String.join(", ", columns.keySet())).append(") SELECT id");
        selected(sql, columns.values());
        sql.append(" FROM ").append(parentTable).append(" WHERE id = ?");
        try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object value : columns.values()) {
                bind(s, i++, value);
            }
            bind(s, i, parentId);
            return s.executeUpdate();
        }
    }

    /** {@code , ?} per value of an {@code INSERT ... SELECT} list, typed where PostgreSQL cannot infer it. */
    private static void selected(StringBuilder sql, Collection<Object> values) {
        values.forEach(v -> sql.append(v instanceof Instant ? ", ?::timestamptz" : ", ?"));
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            s.setString(index, text);
        } else if (value instanceof Long number) {
            s.setLong(index, number);
        } else if (value instanceof Integer number) {
            s.setInt(index, number);
        } else if (value instanceof Instant instant) {
            s.setTimestamp(index, Timestamp.from(instant));
        } else {
            throw new IllegalArgumentException("no SQL binding for " + value.getClass().getName());
        }
    }
}
