package io.payorch.bootstrap.webhooks;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.WebhookApi;
import io.payorch.bootstrap.support.WebhookReceiver;
import io.payorch.bootstrap.support.WebhookTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deliverer works on connections of its own (DeliveryPool): with every connection of the API's
 * pool taken, an event committed meanwhile is still claimed, delivered and recorded at once. In the
 * shared pool its claim would wait for a connection (up to the pool's 30 s timeout).
 */
@MicronautTest(environments = "sandbox", transactional = false)
class WebhookDeliveryPoolTest extends WebhookTestSupport {

    private static final String MERCHANT = "sandbox-merchant";
    private static final int API_POOL = 3;

    @Inject
    DataSource dataSource;

    WebhookReceiver receiver;
    String endpoint;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("datasources.default.maximum-pool-size", Integer.toString(API_POOL),
                "payorch.webhooks.poll-interval", "200ms");
    }

    @BeforeAll
    void setUp() {
        receiver = new WebhookReceiver();
        endpoint = (String) hooks.create(receiver.url("/pool"), "[\"qr_code.paid\"]").get("id");
    }

    @AfterAll
    void tearDown() {
        Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpoint);
        receiver.close();
    }

    @Test
    void eventsAreDeliveredAndRecordedWhileEveryApiConnectionIsTaken() throws Exception {
        DataSource apiPool = DelegatingDataSource.unwrapDataSource(dataSource);
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < API_POOL; i++) {
                taken.add(apiPool.getConnection());
            }
            String event = WebhookApi.insertEvent(MERCHANT, "qr_code.paid"); // on a connection of the test's own
            await(() -> receiver.received("/pool").stream().anyMatch(r -> r.id().equals(event)), Duration.ofSeconds(10),
                    "the delivery while the API's pool is exhausted");
            await(() -> "delivered".equals(Sql.query("SELECT status FROM webhook_delivery WHERE event_id = ?", event)),
                    Duration.ofSeconds(10), "the attempt's record while the API's pool is exhausted");
            assertEquals(1, receiver.received("/pool").size());
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
    }
}
