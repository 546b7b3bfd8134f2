package io.payorch.bootstrap.observability;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Span;
import org.reactivestreams.Publisher;

/**
 * Runs right after the tracing filter has opened the request's span and hands its trace id to the
 * request's {@link RequestIdInMdc}, so every later log line of the request (its access line too)
 * carries it. Without tracing (no OTLP endpoint) there is no valid span and nothing is added.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class TraceIdFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            PropagatedContext.find().flatMap(c -> c.find(RequestIdInMdc.class))
                    .ifPresent(element -> element.traceId(span.getTraceId()));
        }
        return chain.proceed(request);
    }
}
