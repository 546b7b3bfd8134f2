package io.payorch.bootstrap.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-merchant token buckets (Bucket4j, in memory): {@code payorch.security.merchants.<id>.rate-limit.requests-per-second}
 * and {@code .burst} (the bucket's size; the rate when not set). A merchant without them has no limit.
 *
 * <p>The buckets live in each instance, and the deployment's limit is split between
 * {@code payorch.rate-limit.instances} instances (default 1): each refills at rate / instances and
 * holds burst / instances tokens, rounded up. Why not one bucket shared through PostgreSQL:
 * README, "Rate limits", and docs/BENCHMARKS.md. Time comes from the application's clock; a
 * bucket is CPU only (a compare-and-swap), so it may be asked on the event loop.
 */
@Singleton
public class MerchantRateLimits {

    private static final String PREFIX = "payorch.security.merchants.";

    private final Map<String, Limited> limits = new HashMap<>();

    @Inject
    MerchantRateLimits(List<ClientProperties.Merchant> merchants, Environment config, Clock clock,
                       @Value("${payorch.rate-limit.instances:1}") int instances) {
        this(settings(merchants.stream().map(ClientProperties.Merchant::id).toList(), config), clock, instances);
    }

    MerchantRateLimits(Map<String, Setting> settings, Clock clock, int instances) {
        if (instances < 1) {
            throw new IllegalStateException("payorch.rate-limit.instances must be at least 1, not " + instances);
        }
        TimeMeter time = new ClockTimeMeter(clock);
        settings.forEach((id, setting) -> limits.put(id, new Limited(setting, instances, time)));
    }

    /** The configured limits, read once; a setting that is not a positive whole number stops the start. */
    static Map<String, Setting> settings(List<String> merchantIds, PropertyResolver config) {
        Map<String, Setting> settings = new HashMap<>();
        for (String id : merchantIds) {
            String key = PREFIX + id + ".rate-limit.";
            Optional<String> rate = config.getProperty(key + "requests-per-second", String.class);
            Optional<String> burst = config.getProperty(key + "burst", String.class);
            if (rate.isEmpty() && burst.isEmpty()) {
                continue;
            }
            if (rate.isEmpty()) {
                throw new IllegalStateException(key + "burst is set without " + key + "requests-per-second");
            }
            long perSecond = positive(key + "requests-per-second", rate.get());
            settings.put(id, new Setting(perSecond, burst.isPresent() ? positive(key + "burst", burst.get()) : perSecond));
        }
        return settings;
    }

    private static long positive(String key, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(key + " must be a whole number above 0, not '" + value + "'");
    }

    /** Takes one token from the client's bucket; empty when the client has no limit. */
    public Optional<Decision> take(String clientId) {
        Limited limited = limits.get(clientId);
        if (limited == null) {
            return Optional.empty();
        }
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        return Optional.of(new Decision(probe.isConsumed(), limited.capacity, limited.windowSeconds,
                probe.getRemainingTokens(), seconds(probe.isConsumed() ? probe.getNanosToWaitForReset()
                : probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** A merchant's configured limit, for the whole deployment. */
    record Setting(long requestsPerSecond, long burst) {
    }

    /**
     * One request's answer from the bucket: whether it may go on, the policy (quota {@code q} per
     * window {@code w} seconds), what is left ({@code r}) and the seconds until the bucket is full
     * again, or, when refused, until the next token ({@code t}, also the {@code Retry-After}).
     */
    public record Decision(boolean allowed, long quota, long windowSeconds, long remaining, long seconds) {
    }

    private static final class Limited {
        final Bucket bucket;
        final long capacity;
        final long windowSeconds;

        Limited(Setting setting, int instances, TimeMeter time) {
            capacity = Math.max(1, (setting.burst() + instances - 1) / instances);
            // rate / instances per second is the rate per instance
            Duration period = Duration.ofSeconds(instances);
            bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(setting.requestsPerSecond(), period))
                    .withCustomTimePrecision(time)
                    .build();
            windowSeconds = Math.max(1, (capacity * instances + setting.requestsPerSecond() - 1) / setting.requestsPerSecond());
        }
    }

    /** The application's clock as Bucket4j's time source (tests move it by hand). */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
