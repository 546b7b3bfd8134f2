package io.payorch.bootstrap.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (refused or lost connection, no pooled connection within
 * the pool's timeout, PostgreSQL shutting down, starting up or out of connections) from a failure
 * of payorch itself, by the SQL exception somewhere in the cause chain: the first is a 503 that the
 * client may retry, the second a 500.
 */
final class DatabaseOutage {

    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (57P0x); class 08 and 53 by prefix. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 16;

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
