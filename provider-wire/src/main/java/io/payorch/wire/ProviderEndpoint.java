package io.payorch.wire;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and how to reach one provider, mapped from configuration at the edge. The base URL is a
 * supplier so that the sandbox can point at its own simulators once the server's port is known.
 */
public record ProviderEndpoint(boolean enabled, Supplier<URI> baseUrl, Duration connectTimeout,
                               Duration readTimeout, Map<String, String> extraHeaders) {

    public ProviderEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    public static ProviderEndpoint of(URI baseUrl, Duration readTimeout) {
        return new ProviderEndpoint(true, () -> baseUrl, Duration.ofSeconds(2), readTimeout, Map.of());
    }

    /** The base URL joined with an API path, whatever slashes either carries. */
    public URI resolve(String path) {
        String base = baseUrl.get().toString();
        String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmedBase + (path.startsWith("/") ? path : "/" + path));
    }
}
