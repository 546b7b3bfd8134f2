package io.payorch.bootstrap.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.payorch.bootstrap.web.Problem;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin requests from browsers. Off unless {@code payorch.cors.allowed-origins} lists
 * origins ({@code https://shop.example.com}, comma-separated in {@code PAYORCH_CORS_ALLOWED_ORIGINS}):
 * a request whose {@code Origin} is neither payorch's own (its console and Swagger UI) nor listed
 * is refused with a 403 problem ({@code origin_not_allowed}) before anything else runs; a listed
 * origin gets the CORS headers, and its preflight is answered here. Requests without an
 * {@code Origin} (servers, providers) are not concerned.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CorsFilter implements HttpServerFilter {

    static final String SETTING = "payorch.cors.allowed-origins";
    private static final String ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
    private static final String EXPOSE_HEADERS = "Location, Retry-After, RateLimit, RateLimit-Policy, X-Request-Id";
    private static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String MAX_AGE = "600";

    private final Set<String> allowed;

    CorsFilter(@Value("${" + SETTING + ":}") List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(CorsFilter::origin).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || sameOrigin(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return chain.proceed(request);
        }
        if (!allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            return Publishers.just(refused("Requests from origin " + printable(origin) + " are not allowed; an operator"
                    + " lists the origins browsers may call payorch from in " + SETTING + "."));
        }
        if (request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return Publishers.just(HttpResponse.noContent()
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE)
                    .header(HttpHeaders.VARY, HttpHeaders.ORIGIN));
        }
        return Publishers.map(chain.proceed(request), response -> response.code() == HttpStatus.FORBIDDEN.getCode()
                && response.getBody().isEmpty()
                // Micronaut's own CORS check refuses every other origin when payorch is reached as localhost
                ? refused("A server reached as localhost answers no cross-origin request (Micronaut's protection"
                        + " against drive-by localhost attacks); call it by its public host name.")
                : response
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS)
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN));
    }

    private static MutableHttpResponse<?> refused(String detail) {
        return Problem.of(HttpStatus.FORBIDDEN, "origin_not_allowed", detail).toResponse()
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    /** An origin as browsers send it: scheme://host[:port], lower case; anything else stops the start. */
    private static String origin(String configured) {
        String value = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawUserInfo() == null) {
                return value.toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalStateException(SETTING + " holds '" + configured + "', which is not an origin like"
                + " https://shop.example.com (scheme, host and optional port, nothing else)");
    }

    /** The browser's origin names the host payorch was asked for: its own pages (console, Swagger UI). */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                    || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
            String authority = uri.getHost() + (defaultPort ? "" : ":" + port);
            return authority.equalsIgnoreCase(host.trim());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String printable(String origin) {
        String cut = origin.length() > 100 ? origin.substring(0, 100) + "..." : origin;
        return cut.replaceAll("[^A-Za-z0-9.:/_-]", "?");
    }
}
