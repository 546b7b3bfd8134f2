package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs plain-SQL work in a transaction (joining the current one), or on a connection of its own
 * for work that is a single statement, or on a connection of a pool of its own (the webhook
 * deliverer's, which never joins a caller's transaction), and turns {@link SQLException} into an unchecked
 * {@link DataAccessException}, so that callers see an ordinary failure with its cause instead of a
 * checked exception thrown through a lambda.
 */
final class SqlTransactions {

    interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private SqlTransactions() {
    }

    static <R> R write(TransactionOperations<Connection> transactions, Work<R> work) {
        return transactions.executeWrite(status -> call(work, status.getConnection()));
    }

    static <R> R read(TransactionOperations<Connection> transactions, Work<R> work) {
        return transactions.executeRead(status -> call(work, status.getConnection()));
    }

    /**
     * On the current transaction's connection when one is open, else on a pooled connection in
     * auto-commit: for work that is one statement, atomic by itself, this saves the
     * {@code BEGIN}/{@code COMMIT} round trips of a transaction of its own.
     */
    static <R> R statement(ConnectionOperations<Connection> connections, Work<R> work) {
        return connections.executeWrite(status -> call(work, status.getConnection()));
    }

    /** One statement in auto-commit on a connection of {@code pool}. */
    static <R> R statement(DataSource pool, Work<R> work) {
        try (Connection connection = pool.getConnection()) {
            return call(work, connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** One transaction on a connection of {@code pool}: committed when the work returns, else rolled back. */
    static <R> R write(DataSource pool, Work<R> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                R result = call(work, connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static <R> R call(Work<R> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static DataAccessException failed(SQLException e) {
        return new DataAccessException("SQL failed: " + e.getMessage(), e);
    }
}
