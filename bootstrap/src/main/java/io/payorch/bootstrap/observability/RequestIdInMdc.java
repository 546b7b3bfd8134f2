package io.payorch.bootstrap.observability;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * Puts the request id in the MDC on whichever thread the request's work runs, and takes it off
 * again. It sets and restores the one key, where Micronaut's {@code MdcPropagationContext} copies
 * the thread's whole MDC map twice on every hop (the profile of the create path counted several
 * hops per request; see docs/BENCHMARKS.md).
 */
record RequestIdInMdc(String requestId) implements ThreadPropagatedContextElement<String> {

    @Override
    public String updateThreadContext() {
        String previous = MDC.get(RequestIdFilter.MDC_KEY);
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        return previous;
    }

    @Override
    public void restoreThreadContext(String previous) {
        if (previous == null) {
            MDC.remove(RequestIdFilter.MDC_KEY);
        } else {
            MDC.put(RequestIdFilter.MDC_KEY, previous);
        }
    }
}
