import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * not recorded. At most {@code --max-in-flight} requests are open at once (HTTP/1.1: that many
 * connections at most); when all are busy the next send waits, and the wait counts in its latency.
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
        long[] latencyNanos = new long[(int) measuredCount];
        int[] statuses = new int[(int) measuredCount];
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(o.maxInFlight);
        ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "openloop-io");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(callbacks)
                .build();
        String keyPrefix = "ol-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + "-";

        double periodNanos = 1e9 / o.rate;
        long lateSends = 0;
        long maxLatenessNanos = 0;
        long start = System.nanoTime();
        // a server slower than the rate must not stretch the run without bound: past the schedule
        // plus a grace, what is still unsent is given up and counted as failed
        long scheduleNanos = (long) ((o.warmupSeconds + o.durationSeconds) * 1e9);
        long sendDeadline = start + scheduleNanos + Math.max(5_000_000_000L, scheduleNanos / 10);
        long sent = 0;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            if (!inFlight.tryAcquire()) {
                // the limit of open requests (= connections) is reached: wait; the lateness is
                // charged to latency, since it is measured from the due time
                if (!inFlight.tryAcquire(Math.max(0, sendDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                now = System.nanoTime();
            }
            if (now > sendDeadline) {
                inFlight.release();
                break;
            }
            sent = i + 1;
            long lateness = now - due;
            if (i >= warmupCount) {
                if (lateness > 1_000_000L) {
                    lateSends++;
                }
                maxLatenessNanos = Math.max(maxLatenessNanos, lateness);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(o.url))
                    .timeout(Duration.ofSeconds(o.timeoutSeconds))
                    .method(o.method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String[] h : o.headers) {
                request.header(h[0], h[1]);
            }
            if (o.idempotencyKey) {
                request.header("Idempotency-Key", keyPrefix + i);
            }
            final int slot = (int) (i - warmupCount);
            final long dueAt = due;
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long latency = System.nanoTime() - dueAt;
                        if (slot >= 0) {
                            latencyNanos[slot] = latency;
                            if (response != null) {
                                statuses[slot] = response.statusCode();
                            } else {
                                statuses[slot] = FAILED;
                                failures.computeIfAbsent(rootName(error), k -> new AtomicLong()).incrementAndGet();
                            }
                        }
                        inFlight.release();
                    });
        }
        long sendEnd = System.nanoTime();
        // wait (bounded) for every answer; acquiring all permits also publishes the arrays' writes
        boolean drained = inFlight.tryAcquire(o.maxInFlight, o.timeoutSeconds + 5L, TimeUnit.SECONDS);
        long end = System.nanoTime();
        for (long i = Math.max(sent, warmupCount); i < total; i++) {
            // never sent: failed, with at least the time it waited (a lower bound)
            int slot = (int) (i - warmupCount);
            statuses[slot] = UNSENT;
            latencyNanos[slot] = Math.max(0, end - (start + (long) (i * periodNanos)));
        }
        report(o, latencyNanos, statuses, failures, drained, lateSends, maxLatenessNanos,
                (sendEnd - start) / 1e9, (end - start) / 1e9, warmupCount);
        callbacks.shutdownNow();
        System.exit(0);
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
