package io.payorch.bootstrap.observability;

import io.payorch.wire.HmacSignature;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a sweep that expires a QR and a notification, /prometheus shows the sweep lag, the last
 * sweep's duration, the expired and failed-batch totals and the notifications by provider and
 * outcome.
 */
@MicronautTest(environments = "sandbox")
class LifecycleMetricsTest extends ApiTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        // scheduled sweeps out of the way: the sweep under test is the admin's
        return Map.of("payorch.metrics.lifecycle-refresh", "200ms", "payorch.sweep.interval", "1h",
                "payorch.sweep.initial-delay", "1h");
    }

    @Test
    void prometheusShowsSweepLagDurationTotalsAndNotifications() throws Exception {
        // whatever earlier tests left due in the shared database is expired first: the lag is then this test's QR
        assertEquals(200, api.post("/admin/sweeps", ApiCalls.admin(), "", Map.of()).statusCode());
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"MET-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertTrue(id.find());
        Sql.update("UPDATE qr_intent SET expires_at = now() - interval '90 seconds' WHERE id = ?", id.group(1));

        // while it waits, the lag gauge shows roughly how long it has been due
        double lag = 0;
        for (int i = 0; i < 50 && lag < 60; i++) {
            Thread.sleep(100);
            lag = value(api.get("/prometheus", null).body(), "payorch_sweep_lag_seconds ");
        }
        assertTrue(lag >= 60 && lag < 3600, "lag " + lag);

        HttpResponse<String> sweep = api.post("/admin/sweeps", ApiCalls.admin(), "", Map.of());
        assertEquals(200, sweep.statusCode(), sweep.body());
        String run = java.util.UUID.randomUUID().toString();
        String body = "{\"eventId\":\"MET-EVT-" + run + "\",\"txnRefranceID\":\"MET-UNKNOWN\",\"amount\":\"10.00\","
                + "\"paymentId\":\"MET-PAY-" + run + "\"}";
        HttpResponse<String> webhook = api.post("/v1/webhooks/aop", null, body,
                Map.of("X-Payorch-Signature", sign("sandbox-webhook-secret", body)));
        assertEquals(200, webhook.statusCode(), webhook.body());

        String metrics = "";
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            metrics = api.get("/prometheus", null).body();
            if (metrics.contains("payorch_expirations_total") && value(metrics, "payorch_sweep_lag_seconds ") < 60) {
                break;
            }
        }
        assertTrue(value(metrics, "payorch_sweep_expired_total{kind=\"qr\",}") >= 1
                || value(metrics, "payorch_sweep_expired_total{kind=\"qr\"}") >= 1, metrics);
        assertTrue(metrics.contains("payorch_sweep_expired_total{kind=\"otp\""), metrics);
        assertTrue(metrics.contains("payorch_sweep_duration_seconds "), metrics);
        assertTrue(metrics.contains("payorch_sweep_failed_batches_total 0.0"), metrics);
        assertTrue(value(metrics, "payorch_sweep_lag_seconds ") < 60, "lag after the sweep");
        assertTrue(value(metrics, "payorch_expirations_total{outcome=\"expired\",provider=\"AOP\"}") >= 1, metrics);
        assertEquals(1.0, value(metrics, "payorch_notifications_total{outcome=\"unmatched\",provider=\"AOP\"}"), metrics);
        assertTrue(metrics.contains("payorch_notifications_total{outcome=\"applied\",provider=\"RAZORPAY\"} 0.0"), metrics);
    }

    /** The value of the first sample line starting with {@code prefix}; -1 when there is none. */
    private static double value(String metrics, String prefix) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private static String sign(String secret, String body) {
        return HmacSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }
}
