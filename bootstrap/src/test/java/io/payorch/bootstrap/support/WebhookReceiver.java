package io.payorch.bootstrap.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A merchant's webhook receiver for tests, over real HTTP on 127.0.0.1: keeps every request it
 * gets (headers, exact body, arrival time) and answers by path: {@code /ok} 200, {@code /fail-<n>}
 * 500 to the first n attempts of each {@code webhook-id} then 200, {@code /hang} never answers
 * (until {@link #close()}), {@code /slow-<ms>} 200 after that many milliseconds; a path given an
 * answer with {@link #answer(String, int, String)} answers that until told otherwise.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, String id, String timestamp, String signature, String contentType, byte[] body,
                           Instant at, long nanos) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrentPerId = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightByPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlightByPath = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(int status, String body) {
    }

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** From now on, every request to {@code path} is answered with this status and body. */
    public void answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        int inFlight = inFlightById.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
        maxConcurrentPerId.accumulateAndGet(inFlight, Math::max);
        concurrent.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        int atPath = inFlightByPath.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        maxInFlightByPath.computeIfAbsent(path, k -> new AtomicInteger()).accumulateAndGet(atPath, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            received.add(new Received(path, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, Instant.now(), System.nanoTime()));
            int attempt = attemptsById.computeIfAbsent(path + " " + id, k -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.get(path);
            if (answer == null) {
                int status = 200;
                if (path.startsWith("/fail-")) {
                    status = attempt <= Integer.parseInt(path.substring("/fail-".length())) ? 500 : 200;
                } else if (path.equals("/hang")) {
                    awaitClose(Duration.ofMinutes(5));
                    return;
                } else if (path.startsWith("/slow-")) {
                    awaitClose(Duration.ofMillis(Long.parseLong(path.substring("/slow-".length()))));
                }
                answer = new Answer(status, status == 200 ? "{\"ok\":true}" : "<html>boom</html>");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            inFlightById.get(String.valueOf(id)).decrementAndGet();
            inFlightByPath.get(path).decrementAndGet();
            concurrent.decrementAndGet();
            exchange.close();
        }
    }

    private void awaitClose(Duration d) {
        try {
            closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests with one webhook-id that were ever being answered at once. */
    public int maxConcurrentPerId() {
        return maxConcurrentPerId.get();
    }

    /** The most requests to {@code path} that were ever being answered at once. */
    public int maxConcurrent(String path) {
        AtomicInteger max = maxInFlightByPath.get(path);
        return max == null ? 0 : max.get();
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
