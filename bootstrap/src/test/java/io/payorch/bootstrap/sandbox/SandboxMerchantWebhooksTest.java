package io.payorch.bootstrap.sandbox;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.WebhookTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.WebhookApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox merchant's own receiver: its endpoint exists from the start, a paid QR's events arrive
 * there verified, and a {@code /fail-<n>} receiver shows the retries.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class SandboxMerchantWebhooksTest extends WebhookTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.sandbox.merchant-webhook-endpoint", "true",
                "payorch.webhooks.retry-schedule", "200ms,200ms,200ms", "payorch.webhooks.poll-interval", "100ms");
    }

    @AfterAll
    void tearDown() {
        Sql.update("DELETE FROM webhook_endpoint WHERE url LIKE ?", server.getURL() + "/sandbox/merchant-webhooks%");
    }

    private List<Map<String, Object>> arrivals(String query) {
        return hooks.items(api.get("/sandbox/merchant-webhooks?" + query, null).body());
    }

    @Test
    void thePaidQrsEventsArriveVerifiedAtTheSandboxReceiver() {
        HttpResponse<String> listed = api.get("/v1/webhook-endpoints", ApiCalls.merchant());
        assertTrue(listed.body().contains(server.getURL() + "/sandbox/merchant-webhooks"), listed.body());
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"SBX-HOOK\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        String qr = (String) hooks.read(created.body()).get("id");
        assertEquals(200, api.post("/sandbox/qr-codes/" + qr + "/pay", null, "", Map.of()).statusCode());
        await(() -> arrivals("resource=" + qr).size() >= 3, Duration.ofSeconds(10), "three events");
        List<Map<String, Object>> got = arrivals("resource=" + qr);
        assertEquals(List.of("qr_code.activated", "qr_code.payment_received", "qr_code.paid"),
                got.stream().map(a -> a.get("type")).toList());
        assertTrue(got.stream().allMatch(a -> Boolean.TRUE.equals(a.get("verified")) && a.get("answered").equals(200)), got.toString());
    }

    @Test
    void aFailingReceiverShowsTheRetries() {
        hooks.create(server.getURL() + "/sandbox/merchant-webhooks/fail-2", "[\"transfer_otp.expired\"]");
        String event = WebhookApi.insertEvent("sandbox-merchant", "transfer_otp.expired");
        await(() -> arrivals("type=transfer_otp.expired").stream().filter(a -> event.equals(a.get("webhookId")))
                .anyMatch(a -> a.get("attempt").equals(3)), Duration.ofSeconds(10),
                "the third attempt");
        // the sandbox's own endpoint (every type, verified) got the event too, once
        List<Map<String, Object>> attempts = arrivals("type=transfer_otp.expired").stream()
                .filter(a -> event.equals(a.get("webhookId"))).toList();
        assertEquals(1, attempts.stream().filter(a -> Boolean.TRUE.equals(a.get("verified"))).count());
        assertEquals(List.of(500, 500, 200), attempts.stream().filter(a -> Boolean.FALSE.equals(a.get("verified")))
                .map(a -> a.get("answered")).toList(), "an endpoint of the merchant's own has its own secret");
    }
}
