package io.payorch.bootstrap.webhooks;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.WebhookTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.WebhookApi;
import io.payorch.bootstrap.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An endpoint whose every attempt fails for DISABLE_AFTER (shortened to 1 s) is disabled, shown as
 * {@code failing}; its deliveries wait, and re-enabling it by PATCH delivers them.
 */
@MicronautTest(environments = "sandbox")
class WebhookDisableTest extends WebhookTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.webhooks.retry-schedule", "300ms,300ms,300ms,300ms,300ms,300ms",
                "payorch.webhooks.disable-after", "1s", "payorch.webhooks.poll-interval", "100ms");
    }

    @Test
    void anAlwaysFailingEndpointIsDisabledAndReEnabledByPatch() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = (String) hooks.create(receiver.url("/fail-5"), "[\"transfer_otp.unknown\"]").get("id");
            String event = WebhookApi.insertEvent("sandbox-merchant", "transfer_otp.unknown");
            await(() -> "failing".equals(hooks.read(api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).body())
                    .get("disabledReason")), Duration.ofSeconds(10), "the endpoint disabled");
            Map<String, Object> view = hooks.read(api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).body());
            assertEquals(false, view.get("enabled"));
            int attempts = receiver.received("/fail-5").size();
            assertTrue(attempts >= 4 && attempts < 6, attempts + " attempts");
            assertEquals(1, Sql.count("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ? AND status = 'pending'", id));

            api.send("PATCH", "/v1/webhook-endpoints/" + id, ApiCalls.merchant(), "{\"enabled\":true}");
            await(() -> Sql.count("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ? AND event_id = ?"
                    + " AND status = 'delivered'", id, event) == 1, Duration.ofSeconds(10), "delivered after re-enabling");
            assertEquals(true, hooks.read(api.get("/v1/webhook-endpoints/" + id, ApiCalls.merchant()).body()).get("enabled"));
            Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", id);
        }
    }
}
