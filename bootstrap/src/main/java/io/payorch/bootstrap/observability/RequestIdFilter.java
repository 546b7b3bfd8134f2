package io.payorch.bootstrap.observability;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new
 * one. It is put in the MDC (so every log line of the request carries it, on whatever thread) and
 * on every response, errors included. One access line per request: method, path without query,
 * status, duration, client id; never a header, body or query value.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements HttpServerFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("payorch.access");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String offered = request.getHeaders().get(HEADER);
        String requestId = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        long started = System.nanoTime();
        PropagatedContext context = PropagatedContext.getOrEmpty()
                .plus(new RequestIdInMdc(requestId));
        try (PropagatedContext.Scope ignored = context.propagate()) {
            return Publishers.map(chain.proceed(request), response -> {
                response.header(HEADER, requestId);
                try (PropagatedContext.Scope again = context.propagate()) {
                    String client = request.getUserPrincipal().map(Principal::getName).orElse("-");
                    ACCESS.info("{} {} -> {} in {} ms, client {}", request.getMethodName(), request.getPath(),
                            response.code(), (System.nanoTime() - started) / 1_000_000, client);
                }
                return response;
            });
        }
    }
}
