import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model (constant arrival rate) HTTP load generator with coordinated omission corrected,
 * JDK only, for scripts/bench.sh.
 *
 * <p>Request {@code i} is due at {@code start + i / rate}, whether or not earlier requests have been
 * answered; its latency is measured from that due time, not from when it was actually sent, so a
 * server that stalls is charged for every request that should have been sent meanwhile (the
 * correction wrk2 and Gatling's open injection make). Requests due during the warm-up are sent but
 * not recorded. It keeps {@code --max-in-flight} HTTP/1.1 keep-alive connections, one thread each
 * (plain blocking sockets: far cheaper per request than a general-purpose client); when all are
 * busy the next due request waits for one, and the wait counts in its latency.
 * The run is bounded: whatever is still unsent 10% (at least 5 s) after the schedule's end is
 * given up and counted as failed, with the time it had waited.
 *
 * <pre>
 * java OpenLoop --url URL --rate 2000 --duration 60 [--warmup 10] [--body-file F]
 *      [--header 'Name: value']... [--idempotency-key] [--method POST] [--max-in-flight 256]
 *      [--timeout 30] [--label name]
 * </pre>
 *
 * The last line printed is machine-readable: {@code OPENLOOP label=... key=value ...}.
 */
public final class OpenLoop {

    private static final int FAILED = -1;
    private static final int UNSENT = -2;

    private OpenLoop() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        byte[] body = o.bodyFile == null ? new byte[0] : Files.readAllBytes(Path.of(o.bodyFile));
        long warmupCount = Math.round(o.rate * o.warmupSeconds);
        long measuredCount = Math.round(o.rate * o.durationSeconds);
        long total = warmupCount + measuredCount;
        if (measuredCount <= 0 || measuredCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rate x duration must be between 1 and " + Integer.MAX_VALUE);
        }
        URI uri = URI.create(o.url);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs: " + o.url);
        }
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder head = new StringBuilder()
                .append(o.method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String[] h : o.headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        Run run = new Run(o, host, port, head.toString(), body, warmupCount, total, (int) measuredCount);
        Thread[] workers = new Thread[o.maxInFlight];
        for (int c = 0; c < workers.length; c++) {
            workers[c] = new Thread(run::work, "openloop-" + c);
            workers[c].setDaemon(true);
        }
        run.start = System.nanoTime() + 50_000_000L; // let the threads start first
        run.sendDeadline = run.start + run.scheduleNanos + Math.max(5_000_000_000L, run.scheduleNanos / 10);
        for (Thread w : workers) {
            w.start();
        }
        long joinDeadline = run.sendDeadline + (o.timeoutSeconds + 5L) * 1_000_000_000L;
        boolean drained = true;
        for (Thread w : workers) {
            long left = joinDeadline - System.nanoTime();
            if (left > 0) {
                w.join(Math.max(1, left / 1_000_000L));
            }
            drained &= !w.isAlive();
        }
        long end = System.nanoTime();
        long sentUpTo = Math.min(run.firstUnsent.get(), total);
        for (long i = Math.max(sentUpTo, warmupCount); i < total; i++) {
            // never sent: failed, with at least the time it waited (a lower bound)
            int slot = (int) (i - warmupCount);
            run.statuses[slot] = UNSENT;
            run.latencyNanos[slot] = Math.max(0, end - run.due(i));
        }
        report(o, run.latencyNanos, run.statuses, run.failures, drained, run.lateSends.get(),
                run.maxLatenessNanos.get(), (run.lastSend.get() - run.start) / 1e9, (end - run.start) / 1e9,
                warmupCount);
        System.exit(0);
    }

    /**
     * The shared schedule. Each worker owns one keep-alive connection: it takes the next request
     * number, waits for that request's due time, sends it, reads the answer, records the latency
     * from the due time, and takes the next. With every connection busy, due requests wait for a
     * free one, and the wait is in their latency (wrk2's model).
     */
    private static final class Run {
        final Options o;
        final String host;
        final int port;
        final String head;
        final byte[] body;
        final long warmupCount;
        final long total;
        final double periodNanos;
        final long scheduleNanos;
        final long[] latencyNanos;
        final int[] statuses;
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final AtomicLong next = new AtomicLong();
        final AtomicLong firstUnsent = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lateSends = new AtomicLong();
        final AtomicLong maxLatenessNanos = new AtomicLong();
        final AtomicLong lastSend = new AtomicLong();
        final String keyPrefix = "ol-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + "-";
        volatile long start;
        volatile long sendDeadline;

        Run(Options o, String host, int port, String head, byte[] body, long warmupCount, long total, int measured) {
            this.o = o;
            this.host = host;
            this.port = port;
            this.head = head;
            this.body = body;
            this.warmupCount = warmupCount;
            this.total = total;
            this.periodNanos = 1e9 / o.rate;
            this.scheduleNanos = (long) ((o.warmupSeconds + o.durationSeconds) * 1e9);
            this.latencyNanos = new long[measured];
            this.statuses = new int[measured];
        }

        long due(long i) {
            return start + (long) (i * periodNanos);
        }

        void work() {
            Connection connection = null;
            try {
                while (true) {
                    long i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    long due = due(i);
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                    if (now > sendDeadline) {
                        firstUnsent.accumulateAndGet(i, Math::min); // i and every later one stay unsent
                        return;
                    }
                    int slot = (int) (i - warmupCount);
                    if (slot >= 0) {
                        long lateness = now - due;
                        if (lateness > 1_000_000L) {
                            lateSends.incrementAndGet();
                        }
                        maxLatenessNanos.accumulateAndGet(lateness, Math::max);
                    }
                    lastSend.accumulateAndGet(now, Math::max);
                    int status;
                    try {
                        if (connection == null) {
                            connection = new Connection(host, port, o.timeoutSeconds);
                        }
                        status = connection.exchange(request(i));
                        if (!connection.reusable) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        status = FAILED;
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    if (slot >= 0) {
                        latencyNanos[slot] = System.nanoTime() - due;
                        statuses[slot] = status;
                    }
                }
            } finally {
                if (connection != null) {
                    connection.close();
                }
            }
        }

        byte[] request(long i) {
            String h = o.idempotencyKey ? head + "Idempotency-Key: " + keyPrefix + i + "\r\n\r\n" : head + "\r\n";
            byte[] hb = h.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(hb, hb.length + body.length);
            System.arraycopy(body, 0, all, hb.length, body.length);
            return all;
        }
    }

    /** One HTTP/1.1 keep-alive connection: write a request, read one response (length or chunked). */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        boolean reusable = true;

        Connection(String host, int port, int timeoutSeconds) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(timeoutSeconds * 1000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    reusable = false;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else if (status >= 200 && status != 204 && status != 304) {
                reusable = false; // body until close: not worth reading
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
                s.append((char) c);
            }
            throw new EOFException("connection closed by the server");
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() == -1) {
                        throw new EOFException("connection closed in a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static void report(Options o, long[] latencyNanos, int[] statuses, Map<String, AtomicLong> failures,
                               boolean drained, long lateSends, long maxLatenessNanos, double sendSeconds,
                               double totalSeconds, long warmupCount) {
        int n = latencyNanos.length;
        Map<Integer, Long> byStatus = new TreeMap<>();
        long ok = 0;
        long unanswered = 0;
        long unsent = 0;
        List<Long> answered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (statuses[i] == 0) {
                unanswered++;
                continue;
            }
            if (statuses[i] == UNSENT) {
                unsent++;
            } else {
                byStatus.merge(statuses[i], 1L, Long::sum);
            }
            if (statuses[i] >= 200 && statuses[i] < 300) {
                ok++;
            }
            answered.add(latencyNanos[i]);
        }
        long[] sorted = answered.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double measuredSendSeconds = sendSeconds - warmupCount / o.rate;
        System.out.printf(Locale.ROOT, "%s: %d requests due at %.0f/s over %.1f s (after %.1f s warm-up), "
                        + "sent over %.2f s%n", o.label, n, o.rate, o.durationSeconds, o.warmupSeconds,
                measuredSendSeconds);
        System.out.println("  statuses: " + byStatus + (failures.isEmpty() ? "" : " failures: " + failures)
                + (unanswered > 0 ? " unanswered: " + unanswered : "")
                + (unsent > 0 ? " not sent (server too slow for the rate): " + unsent : ""));
        System.out.printf(Locale.ROOT, "  latency from due time (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f"
                        + "  max %.2f  mean %.2f%n", ms(pct(sorted, 50)), ms(pct(sorted, 90)),
                ms(pct(sorted, 99)), ms(pct(sorted, 99.9)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                ms(mean(sorted)));
        System.out.printf(Locale.ROOT, "  generator: %d sends more than 1 ms late, latest %.2f ms%s%n",
                lateSends, ms(maxLatenessNanos), drained ? "" : "; NOT drained within the timeout");
        long errors = n - ok;
        System.out.printf(Locale.ROOT, "OPENLOOP label=%s rate=%.0f due=%d ok=%d errors=%d achieved_rps=%.1f "
                        + "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f mean_ms=%.3f "
                        + "late_sends=%d max_lateness_ms=%.3f unsent=%d drained=%s total_s=%.1f%n",
                o.label, o.rate, n, ok, errors, measuredSendSeconds > 0 ? (n - unsent) / measuredSendSeconds : 0.0,
                ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(pct(sorted, 99.9)),
                ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), ms(mean(sorted)), lateSends,
                ms(maxLatenessNanos), unsent, drained, totalSeconds);
    }

    /** Nearest-rank percentile. Failed and unsent requests count with the time they took. */
    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double mean(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static String rootName(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName();
    }

    private static final class Options {
        String url;
        String method = "POST";
        double rate = 2000;
        double durationSeconds = 60;
        double warmupSeconds = 0;
        String bodyFile;
        final List<String[]> headers = new ArrayList<>();
        boolean idempotencyKey;
        int maxInFlight = 256;
        int timeoutSeconds = 30;
        String label = "openloop";

        static Options parse(String[] args) throws IOException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--url" -> o.url = args[++i];
                    case "--method" -> o.method = args[++i];
                    case "--rate" -> o.rate = Double.parseDouble(args[++i]);
                    case "--duration" -> o.durationSeconds = Double.parseDouble(args[++i]);
                    case "--warmup" -> o.warmupSeconds = Double.parseDouble(args[++i]);
                    case "--body-file" -> o.bodyFile = args[++i];
                    case "--header" -> {
                        String h = args[++i];
                        int colon = h.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--header wants 'Name: value', got " + h);
                        }
                        o.headers.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
                    }
                    case "--idempotency-key" -> o.idempotencyKey = true;
                    case "--max-in-flight" -> o.maxInFlight = Integer.parseInt(args[++i]);
                    case "--timeout" -> o.timeoutSeconds = Integer.parseInt(args[++i]);
                    case "--label" -> o.label = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.url == null || o.rate <= 0 || o.durationSeconds <= 0 || o.maxInFlight <= 0) {
                throw new IllegalArgumentException("usage: OpenLoop --url URL --rate R --duration S [--warmup S]"
                        + " [--body-file F] [--header 'N: v']... [--idempotency-key] [--max-in-flight N]"
                        + " [--timeout S] [--label L]");
            }
            return o;
        }
    }
}
