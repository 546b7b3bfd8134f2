package io.payorch.bootstrap.observability;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * Puts the request id, and the request's trace id once {@link TraceIdFilter} knows it, in the MDC on
 * whichever thread the request's work runs, and takes them off again. It sets and restores its two
 * keys, where Micronaut's {@code MdcPropagationContext} copies the thread's whole MDC map twice on
 * every hop (the profile of the create path counted several hops per request; see docs/BENCHMARKS.md).
 */
final class RequestIdInMdc implements ThreadPropagatedContextElement<String[]> {

    static final String TRACE_KEY = "traceId";

    private final String requestId;
    private volatile String traceId;

    RequestIdInMdc(String requestId) {
        this.requestId = requestId;
    }

    /** From now on on every hop; at once on the calling thread. */
    void traceId(String traceId) {
        this.traceId = traceId;
        MDC.put(TRACE_KEY, traceId);
    }

    @Override
    public String[] updateThreadContext() {
        String[] previous = {MDC.get(RequestIdFilter.MDC_KEY), MDC.get(TRACE_KEY)};
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        String trace = traceId;
        if (trace != null) {
            MDC.put(TRACE_KEY, trace);
        }
        return previous;
    }

    @Override
    public void restoreThreadContext(String[] previous) {
        restore(RequestIdFilter.MDC_KEY, previous[0]);
        restore(TRACE_KEY, previous[1]);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
