package io.payorch.bootstrap.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A WHERE clause built from optional filters, every value bound as a parameter (never concatenated). */
final class SqlWhere {

    /**
     * Enum constants as a list of SQL literals ({@code 'A', 'B'}) for a fixed {@code IN (...)}: the
     * one place values are written into SQL, because only literals let the planner match a partial
     * index's predicate. Enum names are fixed by the code, never input.
     */
    static String literals(Collection<? extends Enum<?>> constants) {
        return constants.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
    }

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    SqlWhere equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            values.add(value);
        }
        return this;
    }

    SqlWhere atLeast(String column, Instant value) {
        if (value != null) {
            conditions.add(column + " >= ?");
            values.add(Timestamp.from(value));
        }
        return this;
    }

    SqlWhere before(String column, Instant value) {
        if (value != null) {
            conditions.add(column + " < ?");
            values.add(Timestamp.from(value));
        }
        return this;
    }

    /** Keyset: rows strictly after (createdAt, id) in descending order. */
    SqlWhere after(Instant createdAt, String id) {
        if (createdAt != null) {
            conditions.add("(created_at, id) < (?, ?)");
            values.add(Timestamp.from(createdAt));
            values.add(id);
        }
        return this;
    }

    /** Keyset on other columns: rows strictly after ({@code createdAt}, {@code id}) in descending order. */
    SqlWhere after(String timeColumn, String idColumn, Instant createdAt, Object id) {
        if (createdAt != null) {
            conditions.add("(" + timeColumn + ", " + idColumn + ") < (?, ?)");
            values.add(Timestamp.from(createdAt));
            values.add(id);
        }
        return this;
    }

    /** A fixed condition with one parameter, added when {@code value} is not null. */
    SqlWhere condition(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the values from parameter 1; answers the next free parameter index. */
    int bind(PreparedStatement statement) throws SQLException {
        int i = 1;
        for (Object value : values) {
            statement.setObject(i++, value);
        }
        return i;
    }
}
