package io.payorch.bootstrap.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.wire.ProviderAnswer;
import io.payorch.wire.ProviderTransport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One CLIENT span per call to a provider, child of the span current on the calling thread (the
 * inbound request's, a sweep's): its name is {@code provider <name>}, its attributes the provider,
 * the HTTP method and the outcome (the same labels as the metrics); its duration the call's. Never a
 * URL, header, body, secret or personal data. The W3C {@code traceparent} of that span is sent to the
 * provider with the request. With tracing off (no OTLP endpoint) spans are no-ops and nothing is sent.
 */
public final class TracedProviderTransport implements ProviderTransport {

    private final String provider;
    private final ProviderTransport delegate;
    private final Tracer tracer;
    private final OpenTelemetry openTelemetry;

    public TracedProviderTransport(String provider, ProviderTransport delegate, OpenTelemetry openTelemetry) {
        this.provider = provider;
        this.delegate = delegate;
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.payorch.provider");
    }

    @Override
    public <T> ProviderOutcome<T> exchange(String method, URI uri, Map<String, String> headers, Object body,
                                           Function<ProviderAnswer, ProviderOutcome<T>> reader) {
        Span span = tracer.spanBuilder("provider " + provider).setSpanKind(SpanKind.CLIENT)
                .setAttribute("payorch.provider", provider)
                .setAttribute("http.request.method", method)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, String> withTraceparent = new LinkedHashMap<>(headers);
            openTelemetry.getPropagators().getTextMapPropagator()
                    .inject(Context.current(), withTraceparent, (carrier, key, value) -> carrier.put(key, value));
            ProviderOutcome<T> outcome = delegate.exchange(method, uri, withTraceparent, body, reader);
            String label = MeteredProviderTransport.label(outcome);
            span.setAttribute("payorch.outcome", label);
            if (!(outcome instanceof ProviderOutcome.Accepted<T>)) {
                span.setStatus(StatusCode.ERROR, label);
            }
            return outcome;
        } catch (RuntimeException e) {
            span.setAttribute("payorch.outcome", "error");
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
