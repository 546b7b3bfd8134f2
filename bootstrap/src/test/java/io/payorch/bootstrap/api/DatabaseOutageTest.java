package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.CuttableTcpProxy;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real PostgreSQL behind a proxy that the test cuts, as a restart does: every open connection
 * drops and new ones are refused. Every request meanwhile is a 503 problem with Retry-After, never a
 * 500; an Idempotency-Key sent then is not left claimed; once the database is back, everything works.
 */
@MicronautTest(environments = "sandbox")
class DatabaseOutageTest extends ApiTestSupport {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)");

    CuttableTcpProxy proxy;

    @Override
    protected Map<String, String> extraProperties() {
        Matcher url = JDBC.matcher(TestPostgres.properties().get("datasources.default.url"));
        assertTrue(url.matches(), "a PostgreSQL JDBC URL");
        proxy = new CuttableTcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
        return withoutScheduledSweep(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3),
                "datasources.default.connection-timeout", "1000",
                "datasources.default.maximum-pool-size", "4");
    }

    @AfterAll
    void closeProxy() {
        proxy.close();
    }

    @Test
    void whileTheDatabaseIsAwayEveryRequestIsA503WithRetryAfterAndAfterwardsAllWorks() {
        HttpResponse<String> created = create("OUTAGE-1", "outage-" + UUID.randomUUID());
        assertEquals(201, created.statusCode(), created.body());
        Matcher m = ID.matcher(created.body());
        assertTrue(m.find());
        String qrId = m.group(1);

        proxy.cut();
        String key = "outage-" + UUID.randomUUID();
        try {
            assertUnavailable(api.get("/v1/qr-codes/" + qrId, ApiCalls.merchant()));
            assertUnavailable(create("OUTAGE-2", key));
            assertUnavailable(create("OUTAGE-3", null));
            assertUnavailable(api.get("/admin/qr-codes?limit=5", ApiCalls.admin()));
            assertUnavailable(api.get("/admin/transfer-otps/otp_x", ApiCalls.admin()));
            assertUnavailable(api.post("/v1/qr-codes/" + qrId + "/close", ApiCalls.merchant(), "{}", Map.of()));
        } finally {
            proxy.restore();
        }

        awaitRecovery("/v1/qr-codes/" + qrId);
        HttpResponse<String> retried = create("OUTAGE-2", key);
        assertEquals(201, retried.statusCode(), "the key sent during the outage is not left claimed: " + retried.body());
    }

    /** The pool reconnects on its own; until it has, a client retrying as told sees 503s only. */
    private void awaitRecovery(String path) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        HttpResponse<String> response = api.get(path, ApiCalls.merchant());
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            assertUnavailable(response);
            sleep();
            response = api.get(path, ApiCalls.merchant());
        }
        assertEquals(200, response.statusCode(), response.body());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> create(String registrationId, String key) {
        return api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"" + registrationId
                + "\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"code\":\"database_unavailable\""), response.body());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(null));
    }
}
