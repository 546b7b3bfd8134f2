import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's merchant receiver: answers every POST at once with 200 and, for each, the time from
 * the event's createdAt (the change's time, taken just before its commit) to its arrival here. GET
 * /stats prints "RECEIVER received=.. p50_ms=.. p99_ms=.. max_ms=.."; POST /reset starts over. Every
 * second with arrivals it logs "SECOND <epoch s> received=.. max_ms=..", so that a stall shows when it was.
 * Usage: java Receiver.java PORT
 */
public class Receiver {

    private static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
    private static final int MAX = 2_000_000;
    private static final long[] LATENCY_MICROS = new long[MAX];
    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong SECOND_COUNT = new AtomicLong();
    private static final AtomicLong SECOND_MAX_MICROS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        // The JDK server writes an answer's headers and body apart; with Nagle's algorithm on (its
        // default) the body waits for the client's delayed ACK, and every answer took 40-50 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.createContext("/", Receiver::handle);
        // Handlers run on the server's own thread (no executor): each answers at once and never
        // blocks, and handing every request to a pool cost the receiver CPU that payorch, sharing
        // the machine, would otherwise have.
        server.setExecutor(null);
        server.start();
        Executors.newSingleThreadScheduledExecutor().scheduleAtFixedRate(() -> {
            long n = SECOND_COUNT.getAndSet(0);
            long max = SECOND_MAX_MICROS.getAndSet(0);
            if (n > 0) {
                System.out.printf("SECOND %d received=%d max_ms=%.1f%n", Instant.now().getEpochSecond(), n, max / 1000.0);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        if (path.equals("/stats")) {
            answer = stats().getBytes(StandardCharsets.UTF_8);
        } else if (path.equals("/reset")) {
            COUNT.set(0);
        } else {
            Matcher m = CREATED.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                Instant created = Instant.parse(m.group(1));
                long i = COUNT.getAndIncrement();
                long micros = (arrived.toEpochMilli() - created.toEpochMilli()) * 1000
                        + (arrived.getNano() / 1000 % 1000) - (created.getNano() / 1000 % 1000);
                if (i < MAX) {
                    LATENCY_MICROS[(int) i] = micros;
                }
                SECOND_COUNT.incrementAndGet();
                SECOND_MAX_MICROS.accumulateAndGet(micros, Math::max);
            }
        }
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static String stats() {
        int n = (int) Math.min(COUNT.get(), MAX);
        long[] sorted = Arrays.copyOf(LATENCY_MICROS, n);
        Arrays.sort(sorted);
        return String.format("RECEIVER received=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", n, pct(sorted, 0.50),
                pct(sorted, 0.99), n == 0 ? 0.0 : sorted[n - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0.0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000.0;
    }
}
