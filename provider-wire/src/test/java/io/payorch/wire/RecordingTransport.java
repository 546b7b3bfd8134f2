package io.payorch.wire;

import io.payorch.application.port.out.ProviderOutcome;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ProviderTransport} for the adapters' wire tests: records every exchange exactly as the
 * adapter asked for it and hands the adapter's reader the answers queued by the test, in order. An
 * exchange with nothing queued fails the test, so an adapter that calls more than expected is seen.
 */
public final class RecordingTransport implements ProviderTransport {

    /** One exchange as the adapter asked for it. */
    public record Exchange(String method, URI uri, Map<String, String> headers, Object body) {
    }

    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    /** Queues an answer the provider gives. */
    public RecordingTransport answer(ProviderAnswer answer) {
        answers.add(answer);
        return this;
    }

    /** Queues an answer with this status and JSON object body. */
    public RecordingTransport answer(int status, Map<String, Object> body) {
        return answer(new ProviderAnswer(status, body));
    }

    /** Queues a call that got no answer (what the real transport decides for a refused or broken connection). */
    public RecordingTransport noAnswer(ProviderOutcome<?> outcome) {
        answers.add(outcome);
        return this;
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The only exchange so far; fails unless exactly one was made. */
    public Exchange onlyExchange() {
        if (exchanges.size() != 1) {
            throw new AssertionError("expected exactly one exchange, got " + exchanges);
        }
        return exchanges.get(0);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ProviderOutcome<T> exchange(String method, URI uri, Map<String, String> headers, Object body,
                                           Function<ProviderAnswer, ProviderOutcome<T>> reader) {
        exchanges.add(new Exchange(method, uri, Map.copyOf(headers), body));
        Object next = answers.poll();
        if (next == null) {
            throw new AssertionError("unexpected exchange " + method + " " + uri + ": no answer queued");
        }
        return next instanceof ProviderAnswer answer ? reader.apply(answer) : (ProviderOutcome<T>) next;
    }
}
