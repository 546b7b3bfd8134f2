package io.payorch.bootstrap.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * The webhook deliverer's own few database connections ({@code payorch.webhooks.database-connections},
 * default 4), beside the API's pool and with its settings (URL, user, timeouts): the deliverer's
 * LISTEN, its claims and its records (one of each at a time) never queue behind API requests for a
 * connection, and never hold one an API request is waiting for. In the shared pool, under load,
 * every claim and every record waited behind the API's requests, an attempt's round trip grew to
 * some 150 ms, and with at most 32 attempts in flight per endpoint the deliveries fell behind events
 * made at half the create-QR peak (docs/BENCHMARKS.md).
 */
@Singleton
public final class DeliveryPool {

    static final String NAME = "payorch-webhooks";

    private final DataSource dataSource;
    private final HikariDataSource own;

    DeliveryPool(DataSource dataSource, @Value("${payorch.webhooks.database-connections:4}") int size) {
        if (size < 3) {
            throw new ConfigurationException("payorch.webhooks.database-connections"
                    + " (PAYORCH_WEBHOOKS_DATABASE_CONNECTIONS) must be at least 3 (the deliverer's LISTEN, a claim"
                    + " and a record at once), not " + size);
        }
        DataSource target = DelegatingDataSource.unwrapDataSource(dataSource);
        if (target instanceof HikariDataSource shared) {
            // created empty and filled with the shared pool's settings, it connects at its first use
            // (by the deliverer's LISTEN thread), not while the application starts
            own = new HikariDataSource();
            shared.copyStateTo(own);
            own.setPoolName(NAME);
            own.setMaximumPoolSize(size);
            own.setMinimumIdle(1);
            this.dataSource = own;
        } else { // not a Hikari pool (a test's own data source): share it
            own = null;
            this.dataSource = target;
        }
    }

    /** The deliverer's connections; never part of a caller's transaction. */
    public DataSource dataSource() {
        return dataSource;
    }

    @PreDestroy
    void close() {
        if (own != null) {
            own.close();
        }
    }
}
