package io.payorch.application.lifecycle;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of lifecycle work on this instance, by kind, provider and outcome, e.g.
 * {@code (expiration, AOP, expired)}, {@code (reconciliation, RAZORPAY, activated)},
 * {@code (notification, RAZORPAY, applied)}. The metrics adapter publishes them.
 */
public final class LifecycleCounters {

    public static final String EXPIRATION = "expiration";
    public static final String RECONCILIATION = "reconciliation";
    public static final String NOTIFICATION = "notification";

    private final Map<Key, LongAdder> counters = new ConcurrentHashMap<>();

    public void add(String kind, String provider, String outcome, long amount) {
        if (amount > 0) {
            counters.computeIfAbsent(new Key(kind, provider == null ? "none" : provider, outcome),
                    k -> new LongAdder()).add(amount);
        }
    }

    public void increment(String kind, String provider, String outcome) {
        add(kind, provider, outcome, 1);
    }

    public long count(String kind, String provider, String outcome) {
        LongAdder adder = counters.get(new Key(kind, provider, outcome));
        return adder == null ? 0 : adder.sum();
    }

    /** Every counter seen so far, sorted. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public record Key(String kind, String provider, String outcome) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = kind.compareTo(o.kind);
            if (c == 0) {
                c = provider.compareTo(o.provider);
            }
            return c == 0 ? outcome.compareTo(o.outcome) : c;
        }
    }
}
