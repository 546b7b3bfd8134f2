package io.payorch.bootstrap.webhooks;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL {@code LISTEN} on the deliveries channel, on a connection and a thread of its own:
 * every notification (deliveries committed by any instance) wakes the dispatcher at once. When the
 * connection fails it is opened again after a pause; meanwhile the dispatcher's slow poll carries on.
 */
public final class DeliveryNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryNotifications.class);
    public static final String CHANNEL = "payorch_webhook_deliveries";

    private final DataSource dataSource;
    private final Runnable onNotification;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public DeliveryNotifications(DataSource dataSource, Runnable onNotification) {
        this.dataSource = dataSource;
        this.onNotification = onNotification;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "webhook-listen");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly();
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                onNotification.run(); // anything committed while not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        onNotification.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Listening for webhook deliveries failed; polling meanwhile, listening again shortly: {}",
                            e.toString());
                    pause(Duration.ofSeconds(2));
                }
            } finally {
                connection = null;
            }
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the listen connection: {}", e.toString());
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
