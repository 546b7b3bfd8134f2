package io.payorch.bootstrap.jar;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.json.JsonMapper;
import io.payorch.bootstrap.support.ProviderPages;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling deploy under load, from the outside: the built jar in {@code prod} against AOPay played by WireMock in
 * this JVM (another process than payorch's, answering after 300 ms), 16 clients on keep-alive
 * connections creating QRs, the sweep in the middle of 10,000 due QRs, and {@code SIGTERM} 2 s in
 * (later if 16 answers have not come back by then).
 * Every answer is a 201, every QR created is {@code ACTIVE} (none {@code PENDING} or
 * {@code UNKNOWN}), readiness answers 503 before the listener closes, the process exits by itself
 * well within the grace period, every line it logged is one JSON object (access lines with their
 * request id), and a second instance started afterwards expires the due QRs the first left, each
 * exactly once. The shutdown delay is 1 s rather than 0: with 0 the listener closes microseconds
 * after readiness turns DOWN, and no prober could see the 503 in between.
 */
class GracefulShutdownIT {

    private static final int CLIENTS = 16;
    private static final int DUE = 10_000;
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String MERCHANT_SECRET = "acme-drain-secret-0123456789";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString(("acme:" + MERCHANT_SECRET).getBytes(StandardCharsets.UTF_8));

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String clientPrefix = "DRAIN-" + run + "-";
    private final String duePrefix = "DRAIN-DUE-" + run;
    private final WireMockServer aop = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));

    @AfterEach
    void stopProvider() {
        aop.stop();
    }

    @Test
    void aSigtermUnderLoadLosesNothingAndASecondInstanceTakesOverTheSweep() throws Exception {
        aop.start();
        aop.stubFor(post(urlPathEqualTo("/api/AOP/V4/DynamicQRCode")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(300)
                .withBody(ProviderPages.aopSuccessValidForADay())));

        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        long expiredByFirst;
        long terminatedAt;
        try (PayorchProcess first = PayorchProcess.start(environment(Map.of(
                "PAYORCH_SHUTDOWN_DELAY", "1s",
                "PAYORCH_SWEEP_INTERVAL", "500ms", "PAYORCH_SWEEP_INITIAL_DELAY", "500ms",
                "PAYORCH_SWEEP_BATCH_SIZE", "2", "PAYORCH_SWEEP_WORKERS", "1")))) {
            first.awaitHealthy(Duration.ofSeconds(120));
            assertEquals(200, status(first.port(), "/health/liveness"));
            assertEquals(200, status(first.port(), "/health/readiness"));
            seedDueQrs();

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> createUntilRefused(first, client, stop, answers));
            }
            ReadinessProbe probe = new ReadinessProbe(first.port());
            clients.submit(() -> probe.pollUntilRefused(stop));

            Thread.sleep(2_000);
            awaitWarm(answers); // on a slow machine the first answers of a fresh JVM may take longer than 2 s
            terminatedAt = System.nanoTime();
            first.terminate();
            int exit = first.awaitExit(GRACE);
            long exitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - terminatedAt);
            System.out.printf("exit %d after %d ms; readiness 503 after %d ms, connection refused after %d ms%n", exit,
                    exitMillis, millisAfter(terminatedAt, probe.firstUnready), millisAfter(terminatedAt, probe.firstRefused));
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "the clients stopped");

            String log = first.output();
            assertEquals(0, exit, "a complete drain exits 0:\n" + log);
            assertTrue(log.contains("Drained in"), log);
            assertJsonLinesWithRequestIds(log);
            assertTrue(exitMillis < GRACE.toMillis(), "exited " + exitMillis + " ms after SIGTERM");
            assertTrue(probe.firstUnready > 0, "readiness answered 503 while draining");
            assertTrue(probe.firstRefused > 0, "the listener closed before the process exited");
            assertTrue(probe.firstUnready < probe.firstRefused, "readiness went DOWN before the listener closed");
            expiredByFirst = Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'EXPIRED'",
                    duePrefix);
        }

        long answeredAfterSigterm = answers.stream().filter(a -> a.at > terminatedAt).count();
        assertTrue(answeredAfterSigterm < answers.size(), "answers before the SIGTERM too");
        List<Answer> not201 = answers.stream().filter(a -> a.status != 201).toList();
        System.out.printf("%d answers, %d of them after the SIGTERM; the first instance expired %d of %d due QRs%n",
                answers.size(), answeredAfterSigterm, expiredByFirst, DUE);
        assertTrue(answers.size() > CLIENTS, "the clients were busy: " + answers.size() + " answers");
        assertTrue(answeredAfterSigterm > 0, "requests in flight at the SIGTERM were answered");
        assertTrue(not201.isEmpty(), "every answer is a 201: " + not201);
        assertEquals(answers.size(), Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id LIKE ?",
                clientPrefix + "%"), "one QR per answer, none received but left unanswered");
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id LIKE ? AND status <> 'ACTIVE'",
                clientPrefix + "%"), "no QR PENDING or UNKNOWN (or anything but ACTIVE)");
        assertTrue(expiredByFirst > 0 && expiredByFirst < DUE,
                "the first instance was stopped in the middle of its sweep: it expired " + expiredByFirst);

        try (PayorchProcess second = PayorchProcess.start(environment(Map.of("PAYORCH_SHUTDOWN_DELAY", "0s",
                "PAYORCH_SWEEP_INTERVAL", "500ms", "PAYORCH_SWEEP_INITIAL_DELAY", "500ms")))) {
            second.awaitHealthy(Duration.ofSeconds(120));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'ACTIVE'",
                    duePrefix) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        assertEquals(DUE, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ? AND status = 'EXPIRED'",
                duePrefix), "the second instance expired the rest");
        assertEquals(DUE, Sql.count("SELECT count(*) FROM qr_intent_event e JOIN qr_intent q ON q.id = e.qr_id"
                + " WHERE q.registration_id = ? AND e.to_status = 'EXPIRED'", duePrefix), "one EXPIRED event per QR");
        assertEquals(0, Sql.count("SELECT count(*) FROM (SELECT e.qr_id FROM qr_intent_event e JOIN qr_intent q"
                + " ON q.id = e.qr_id WHERE q.registration_id = ? AND e.to_status = 'EXPIRED' GROUP BY e.qr_id"
                + " HAVING count(*) <> 1) twice", duePrefix), "no QR expired twice");
    }

    private static void awaitWarm(List<Answer> answers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answers.size() < CLIENTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Every line of {@code prod} output is one JSON object; each access line carries its request id. */
    @SuppressWarnings("unchecked")
    private static void assertJsonLinesWithRequestIds(String log) throws IOException {
        long access = 0;
        for (String line : log.lines().filter(l -> !l.isBlank()).toList()) {
            Map<String, Object> object;
            try {
                object = JSON.readValue(line, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            if ("payorch.access".equals(object.get("logger_name"))) {
                access++;
                assertTrue(object.get("requestId") instanceof String id && !id.isEmpty(), "no request id: " + line);
            }
        }
        assertTrue(access > CLIENTS, access + " access lines");
    }

    /** {@code prod} on the test database, with one merchant, AOPay only, pointing at the stub. */
    private Map<String, String> environment(Map<String, String> more) {
        Map<String, String> db = TestPostgres.properties();
        Map<String, String> env = new HashMap<>(more);
        env.put("MICRONAUT_ENVIRONMENTS", "prod");
        env.put("PAYORCH_SECURITY_MERCHANTS_ACME_SECRET", MERCHANT_SECRET);
        env.put("PAYORCH_SECURITY_ADMINS_OPS_SECRET", "ops-drain-secret-0123456789");
        env.put("PAYORCH_PII_HASH_KEY", "drain-test-pii-hash-key-0123456789abcdef");
        env.put("PAYORCH_WEBHOOKS_ENCRYPTION_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
        env.put("PAYORCH_PROVIDERS_AOP_WEBHOOK_SECRET", "aop-drain-webhook-secret");
        for (String disabled : List.of("OQPAY", "BOS", "RAZORPAY", "DMT")) {
            env.put("PAYORCH_PROVIDERS_" + disabled + "_ENABLED", "false");
        }
        env.put("DATASOURCES_DEFAULT_URL", db.get("datasources.default.url"));
        env.put("DATASOURCES_DEFAULT_USERNAME", db.get("datasources.default.username"));
        env.put("DATASOURCES_DEFAULT_PASSWORD", db.get("datasources.default.password"));
        env.put("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "10");
        env.put("PAYORCH_PROVIDERS_AOP_BASE_URL", aop.baseUrl());
        return env;
    }

    private void seedDueQrs() throws Exception {
        try (Connection c = Sql.connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status, provider_reference,"
                        + " upi_intent, expires_at, created_at, updated_at, version)"
                        + " SELECT 'qr_drain_' || ? || '_' || g, ?, 'AOP', 1000, 'single_use', 'ACTIVE', 'DUE-' || g,"
                        + " 'upi://pay?pa=test@upi&am=10.00', now() - interval '1 minute' - g * interval '1 millisecond',"
                        + " now() - interval '10 minutes', now() - interval '10 minutes', 0"
                        + " FROM generate_series(1, ?) g")) {
            s.setString(1, run);
            s.setString(2, duePrefix);
            s.setInt(3, DUE);
            assertEquals(DUE, s.executeUpdate());
        }
    }

    /** One client: its own keep-alive connection, QR after QR, until payorch no longer accepts it. */
    private void createUntilRefused(PayorchProcess payorch, int client, AtomicBoolean stop, List<Answer> answers) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        int n = 0;
        while (!stop.get()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(payorch.baseUrl() + "/v1/qr-codes"))
                    .timeout(Duration.ofSeconds(40))
                    .header("Authorization", AUTHORIZATION)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"registrationId\":\"" + clientPrefix + client + "-" + n++
                            + "\",\"amount\":\"10.00\",\"provider\":\"AOP\"}"))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(response.statusCode(), System.nanoTime(), response.body()));
            } catch (IOException notAccepted) {
                // the listener is closed (or closed this idle connection): a balancer would go elsewhere
                sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Answer(int status, long at, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Asks /health/readiness on a new connection every 20 ms: when was it first 503, first refused. */
    private static final class ReadinessProbe {
        private final int port;
        volatile long firstUnready;
        volatile long firstRefused;

        ReadinessProbe(int port) {
            this.port = port;
        }

        void pollUntilRefused(AtomicBoolean stop) {
            while (!stop.get() && firstRefused == 0) {
                long at = System.nanoTime();
                try {
                    if (status(port, "/health/readiness") == 503 && firstUnready == 0) {
                        firstUnready = at;
                    }
                } catch (ConnectException refused) {
                    firstRefused = at;
                } catch (IOException closedMidAnswer) {
                    // asked again 20 ms later
                }
                sleep(20);
            }
        }
    }

    /** One GET on a connection of its own, closed after the answer: the status line's code. */
    private static int status(int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            if (read < 12) {
                throw new IOException("connection closed without an answer");
            }
            return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
        }
    }

    private static long millisAfter(long start, long at) {
        return at == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(at - start);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
