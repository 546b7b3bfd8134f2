package io.payorch.bootstrap.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.payorch.bootstrap.security.MerchantRateLimits.Decision;
import io.payorch.bootstrap.web.Problem;
import org.reactivestreams.Publisher;

import java.security.Principal;
import java.util.Optional;

/**
 * Holds each rate-limited merchant to its limit, after authentication (so that nobody spends
 * another client's tokens by sending its id with a wrong secret): over the limit, 429
 * {@code rate_limited} with {@code Retry-After}; on every answer of a limited client the
 * {@code RateLimit-Policy} and {@code RateLimit} headers of draft-ietf-httpapi-ratelimit-headers.
 * Each merchant has its own bucket, so one at its limit costs the others nothing. CPU only.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class RateLimitFilter implements HttpServerFilter {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    private static final String POLICY_NAME = "\"merchant\"";

    private final MerchantRateLimits limits;
    private final MeterRegistry meters;

    RateLimitFilter(MerchantRateLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> client = request.getUserPrincipal().map(Principal::getName);
        Optional<Decision> decision = client.flatMap(limits::take);
        if (decision.isEmpty()) {
            return chain.proceed(request);
        }
        Decision d = decision.get();
        if (!d.allowed()) {
            Counter.builder("payorch.rate.limited").description("Requests refused 429 for a merchant's rate limit")
                    .tag("client", client.get()).register(meters).increment();
            MutableHttpResponse<?> refused = Problem.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                            "This client is over its rate limit of " + d.quota() + " requests per " + d.windowSeconds()
                                    + " s; try again in " + d.seconds() + " s.")
                    .toResponse().header(HttpHeaders.RETRY_AFTER, Long.toString(d.seconds()));
            return Publishers.just(withHeaders(refused, d));
        }
        return Publishers.map(chain.proceed(request), response -> withHeaders(response, d));
    }

    private static MutableHttpResponse<?> withHeaders(MutableHttpResponse<?> response, Decision d) {
        return response.header(POLICY, POLICY_NAME + ";q=" + d.quota() + ";w=" + d.windowSeconds())
                .header(STATE, POLICY_NAME + ";r=" + d.remaining() + ";t=" + d.seconds());
    }
}
