package io.payorch.bootstrap.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.wire.ProviderAnswer;
import io.payorch.wire.ProviderTransport;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Times every call to one provider and counts its outcomes: {@code payorch.provider.call} (timer)
 * and {@code payorch.provider.outcomes} (counter), tagged with the provider and the outcome
 * (accepted, rejected, not_attempted, unknown, timeout). Tags never hold a URL, header or body.
 */
public final class MeteredProviderTransport implements ProviderTransport {

    private final String provider;
    private final ProviderTransport delegate;
    private final MeterRegistry meters;
    private final ProviderCallStats stats;
    private final Clock clock;

    public MeteredProviderTransport(String provider, ProviderTransport delegate, MeterRegistry meters,
                                    ProviderCallStats stats, Clock clock) {
        this.provider = provider;
        this.delegate = delegate;
        this.meters = meters;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public <T> ProviderOutcome<T> exchange(String method, URI uri, Map<String, String> headers, Object body,
                                           Function<ProviderAnswer, ProviderOutcome<T>> reader) {
        Timer.Sample sample = Timer.start(meters);
        ProviderOutcome<T> outcome;
        try {
            outcome = delegate.exchange(method, uri, headers, body, reader);
        } catch (RuntimeException e) {
            sample.stop(timer("error"));
            meters.counter("payorch.provider.outcomes", "provider", provider, "outcome", "error").increment();
            stats.record(provider, "unknown", clock.instant());
            throw e;
        }
        String label = label(outcome);
        sample.stop(timer(label));
        meters.counter("payorch.provider.outcomes", "provider", provider, "outcome", label).increment();
        stats.record(provider, label, clock.instant());
        return outcome;
    }

    /** The outcome as metrics and spans name it: a timeout is told apart from other unknown outcomes. */
    static String label(ProviderOutcome<?> outcome) {
        return outcome instanceof ProviderOutcome.Unknown<?> u && u.timedOut() ? "timeout" : outcome.label();
    }

    private Timer timer(String outcome) {
        return Timer.builder("payorch.provider.call")
                .description("Latency of calls to a provider's API")
                .tags("provider", provider, "outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }
}
