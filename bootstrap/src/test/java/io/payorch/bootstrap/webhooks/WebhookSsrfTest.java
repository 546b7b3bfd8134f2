package io.payorch.bootstrap.webhooks;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.port.out.HostResolver;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.WebhookTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.WebhookApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.payorch.bootstrap.support.WebhookReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production URL rules over HTTP (https only, no private targets), with an injected resolver: the
 * refused URLs answer 400 naming the rule, and a name that starts resolving to a private address
 * after creation is refused again at delivery, without a request being sent.
 */
@MicronautTest(environments = "sandbox")
class WebhookSsrfTest extends WebhookTestSupport {

    static final Map<String, String> DNS = new ConcurrentHashMap<>(Map.of("hooks.example.com", "93.184.216.34",
            "internal.example.com", "10.0.0.1", "metadata.example.com", "169.254.169.254",
            "localhost.example.com", "127.0.0.1", "rebind.example.com", "93.184.216.35"));

    @MockBean(HostResolver.class)
    HostResolver resolver() {
        return host -> {
            String address = DNS.getOrDefault(host, host.matches("[0-9a-fA-F:.]+") ? host : null);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(address));
        };
    }

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.webhooks.require-https", "true",
                "payorch.webhooks.allow-private-targets", "false", "payorch.webhooks.poll-interval", "200ms",
                "payorch.webhooks.retry-schedule", "1h");
    }

    @AfterAll
    void cleanUp() {
        Sql.update("DELETE FROM webhook_endpoint WHERE url LIKE 'https://%.example.com/%'");
    }

    @ParameterizedTest
    @CsvSource({
            "http://hooks.example.com/in, must use https",
            "https://127.0.0.1/in, loopback",
            "https://10.0.0.1/in, private",
            "https://169.254.169.254/latest/meta-data, link-local",
            "https://internal.example.com/in, private address (internal.example.com resolves to 10.0.0.1)",
            "https://metadata.example.com/in, link-local",
            "https://localhost.example.com/in, loopback",
            "https://[::1]/in, loopback",
            "https://nowhere.example.com/in, does not resolve"})
    void prodRefusesEachWithTheRuleNamed(String url, String rule) {
        HttpResponse<String> response = api.post("/v1/webhook-endpoints", ApiCalls.merchant(),
                "{\"url\":\"" + url + "\"}", Map.of());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"url\"") && response.body().contains(rule), response.body());
    }

    @Test
    void aPublicHttpsUrlIsTakenAndRefusedAtDeliveryOnceItResolvesPrivately() {
        Map<String, Object> created = hooks.create("https://rebind.example.com/in", "[\"qr_code.failed\"]");
        String id = (String) created.get("id");
        HttpResponse<String> patch = api.send("PATCH", "/v1/webhook-endpoints/" + id, ApiCalls.merchant(),
                "{\"url\":\"https://internal.example.com/in\"}");
        assertEquals(400, patch.statusCode(), patch.body());
        DNS.put("rebind.example.com", "127.0.0.1");
        String event = WebhookApi.insertEvent("sandbox-merchant", "qr_code.failed");
        await(() -> !hooks.items(api.get("/admin/webhook-deliveries?endpointId=" + id, ApiCalls.admin()).body()).isEmpty()
                && ((Number) hooks.items(api.get("/admin/webhook-deliveries?endpointId=" + id, ApiCalls.admin()).body())
                .get(0).get("attempts")).intValue() >= 1, Duration.ofSeconds(10), "the refused attempt");
        Map<String, Object> row = hooks.items(api.get("/admin/webhook-deliveries?endpointId=" + id, ApiCalls.admin()).body()).get(0);
        assertEquals(event, row.get("eventId"));
        String detail = api.get("/admin/webhook-deliveries/" + row.get("id"), ApiCalls.admin()).body();
        assertTrue(detail.contains("not sent: the URL must not point at a loopback address"), detail);
    }
}
