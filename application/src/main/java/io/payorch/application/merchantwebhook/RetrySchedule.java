package io.payorch.application.merchantwebhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the n-th delay after the n-th failed attempt, each
 * lengthened by up to 10 % of random jitter (so retries of one outage do not arrive in lockstep);
 * after the last delay's attempt fails, none.
 */
public record RetrySchedule(List<Duration> delays) {

    public static final String DEFAULT = "5s,5m,30m,2h,5h,10h,10h";
    private static final double JITTER = 0.10;

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** Parses {@code "5s,5m,30m,2h"}: whole numbers with {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}. */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                delays.add(duration(p));
            }
        }
        return new RetrySchedule(delays);
    }

    static Duration duration(String p) {
        int unitStart = 0;
        while (unitStart < p.length() && Character.isDigit(p.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0 || unitStart > 9) {
            throw new IllegalArgumentException("not a duration: " + p);
        }
        long n = Long.parseLong(p.substring(0, unitStart));
        return switch (p.substring(unitStart)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration (ms, s, m, h or d): " + p);
        };
    }

    /** The wait after {@code failedAttempts} failed attempts; empty when the delivery has failed for good. */
    public Optional<Duration> after(int failedAttempts, DoubleSupplier random) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(failedAttempts - 1);
        long jitterNanos = (long) (base.toNanos() * JITTER * random.getAsDouble());
        return Optional.of(base.plusNanos(jitterNanos));
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
