package io.payorch.bootstrap.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.TestPostgres;
import io.payorch.bootstrap.support.WebhookApi;
import io.payorch.bootstrap.support.WebhookEvents;
import io.payorch.bootstrap.support.WebhookReceiver;
import io.payorch.bootstrap.support.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances on one database share 1,000 events: every event is delivered, none is attempted
 * by two instances at once (the receiver never sees one webhook-id twice at the same time), none
 * twice at all when every attempt succeeds, and more than one instance did the work.
 */
class WebhookInstancesTest {

    @Test
    void threeInstancesDeliverAThousandEventsEachOnce() throws Exception {
        List<ApplicationContext> instances = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            for (int i = 0; i < 3; i++) {
                Map<String, Object> properties = new HashMap<>(TestPostgres.properties());
                properties.putAll(Map.of("micronaut.server.port", -1, "payorch.sweep.enabled", false,
                        "payorch.webhooks.poll-interval", "500ms", "datasources.default.maximum-pool-size", 6));
                instances.add(ApplicationContext.run(EmbeddedServer.class, properties, "sandbox").getApplicationContext());
            }
            EmbeddedServer first = instances.get(0).getBean(EmbeddedServer.class);
            WebhookApi hooks = new WebhookApi(new ApiCalls(URI.create(first.getURL().toString())),
                    instances.get(0).getBean(JsonMapper.class));
            String endpoint = (String) hooks.create(receiver.url("/ok"), "[\"qr_code.activated\"]").get("id");
            List<String> ids;
            try (Connection c = Sql.connect()) {
                ids = WebhookEvents.insert(c, "sandbox-merchant", "qr_code.activated", 1000, "inst" + System.nanoTime());
            }
            Set<String> expected = new HashSet<>(ids);
            await(() -> receiver.received("/ok").stream().map(Received::id).collect(Collectors.toSet())
                    .containsAll(expected), Duration.ofSeconds(90), "1,000 deliveries");
            await(() -> Sql.count("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ? AND status = 'delivered'",
                    endpoint) == 1000, Duration.ofSeconds(10), "1,000 recorded as delivered");

            List<Received> got = receiver.received("/ok");
            assertEquals(1000, got.size(), "every attempt succeeded, so none was repeated");
            assertEquals(1, receiver.maxConcurrentPerId(), "an event was being delivered twice at once");
            int working = 0;
            for (ApplicationContext instance : instances) {
                double delivered = instance.getBean(MeterRegistry.class).counter("payorch.webhook.attempts",
                        "outcome", "delivered").count();
                working += delivered > 0 ? 1 : 0;
            }
            assertTrue(working >= 2, "only " + working + " instance(s) delivered");
            Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpoint);
        } finally {
            instances.forEach(ApplicationContext::close);
        }
    }
}
