package io.payorch.bootstrap.jar;

import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.WebhookEvents;
import io.payorch.bootstrap.support.WebhookReceiver;
import io.payorch.bootstrap.support.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of payorch with 1,000 events pending or in flight: after a restart every event is
 * delivered at least once, and a duplicate carries the same webhook-id and the same body.
 */
class WebhookCrashIT {

    @Test
    void aKilledInstanceLosesNoEventAndRepeatsOnlyWithTheSameIdAndBody(@TempDir Path work) throws Exception {
        int dbPort = PayorchProcess.freePort();
        Map<String, String> env = Map.of("PAYORCH_SANDBOX_DATA_DIR", work.resolve("db").toString(),
                "PAYORCH_SANDBOX_DB_PORT", String.valueOf(dbPort), "PAYORCH_SANDBOX_MERCHANT_WEBHOOK_ENDPOINT", "false",
                "PAYORCH_WEBHOOKS_LEASE", "3s", "PAYORCH_WEBHOOKS_POLL_INTERVAL", "500ms", "PAYORCH_SWEEP_ENABLED", "false");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<String> ids;
            try (PayorchProcess payorch = PayorchProcess.start(env)) {
                payorch.awaitHealthy(Duration.ofSeconds(90));
                ApiCalls api = new ApiCalls(URI.create(payorch.baseUrl()));
                HttpResponse<String> created = api.post("/v1/webhook-endpoints", ApiCalls.merchant(),
                        "{\"url\":\"" + receiver.url("/slow-30") + "\",\"events\":[\"qr_code.paid\"]}", Map.of());
                assertEquals(201, created.statusCode(), created.body());
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres",
                        "postgres", "")) {
                    ids = WebhookEvents.insert(c, "sandbox-merchant", "qr_code.paid", 1000, "crash");
                }
                await(() -> receiver.received("/slow-30").size() >= 100, Duration.ofSeconds(30), "deliveries under way");
                payorch.killHard();
            }
            int beforeRestart = receiver.received("/slow-30").size();
            assertTrue(beforeRestart < 1000, "all were delivered before the kill: " + beforeRestart);
            try (PayorchProcess again = PayorchProcess.start(env)) {
                again.awaitHealthy(Duration.ofSeconds(90));
                Set<String> expected = new HashSet<>(ids);
                await(() -> receiver.received("/slow-30").stream().map(Received::id).collect(Collectors.toSet())
                        .containsAll(expected), Duration.ofSeconds(90), "every event after the restart");
            }
            Map<String, List<Received>> byId = receiver.received("/slow-30").stream()
                    .collect(Collectors.groupingBy(Received::id));
            assertEquals(new HashSet<>(ids), byId.keySet(), "only the inserted events, each at least once");
            for (List<Received> copies : byId.values()) {
                for (Received copy : copies) {
                    assertTrue(Arrays.equals(copies.get(0).body(), copy.body()), "a duplicate with another body");
                }
            }
        }
    }
}
