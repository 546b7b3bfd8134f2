package io.payorch.bootstrap.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * {@code /health} tells anyone whether payorch is up, and only admins how: any other caller gets
 * {@code {"status": "UP"}} (or {@code DOWN}, with the same HTTP status as before), never the
 * database, disk or provider details.
 */
@Filter({"/health", "/health/**"})
class HealthDetailsFilter implements HttpServerFilter {

    private final HealthEndpoint health;

    HealthDetailsFilter(HealthEndpoint health) {
        this.health = health;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean admin = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(ApiClientDirectory.ROLE_ADMIN)).orElse(false);
        if (admin) {
            return chain.proceed(request);
        }
        return Publishers.map(chain.proceed(request), response -> {
            if (response.getBody().orElse(null) instanceof HealthResult result) {
                // Micronaut maps the status to the HTTP status (DOWN: 503) only while the body is a
                // HealthResult, after this filter: map it here, or a load balancer sees 200 for DOWN
                HttpStatus status = health.getStatusConfiguration().getHttpMapping().get(result.getStatus().getName());
                MutableHttpResponse<?> statusOnly = response.body(Map.of("status", result.getStatus().getName()));
                return status == null ? statusOnly : statusOnly.status(status);
            }
            return response;
        });
    }
}
