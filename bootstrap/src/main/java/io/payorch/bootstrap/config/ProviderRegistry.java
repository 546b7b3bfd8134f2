package io.payorch.bootstrap.config;

import io.payorch.bootstrap.transport.MicronautProviderTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.bootstrap.observability.MeteredProviderTransport;
import io.payorch.bootstrap.observability.ProviderCallStats;
import io.payorch.bootstrap.observability.TracedProviderTransport;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps {@code payorch.providers.*} into the plain {@link ProviderEndpoint} records the adapters
 * take, and owns one HTTP client per provider, with that provider's timeouts. In the sandbox a
 * provider with no base URL points at payorch's own simulator under {@code /sandbox/<name>}.
 */
@Singleton
public class ProviderRegistry {

    private final Map<String, ProviderProperties> properties = new ConcurrentHashMap<>();
    private final Map<String, MicronautProviderTransport> transports = new ConcurrentHashMap<>();
    private final Map<String, ProviderTransport> metered = new ConcurrentHashMap<>();
    private final Provider<EmbeddedServer> server;
    private final JsonMapper json;
    private final boolean sandbox;

    private final MeterRegistry meters;
    private final ProviderCallStats callStats;
    private final Clock clock;
    private final OpenTelemetry openTelemetry; // null while tracing is off: no span wrapper at all

    ProviderRegistry(List<ProviderProperties> all, Provider<EmbeddedServer> server, JsonMapper json,
                     Environment environment, @Nullable MeterRegistry meters, ProviderCallStats callStats, Clock clock,
                     OpenTelemetry openTelemetry, @Value("${otel.sdk.disabled:true}") boolean tracingOff) {
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
        this.openTelemetry = tracingOff ? null : openTelemetry;
        this.callStats = callStats;
        this.clock = clock;
        all.forEach(p -> properties.put(p.getName(), p));
        this.server = server;
        this.json = json;
        this.sandbox = environment.getActiveNames().contains("sandbox");
    }

    public ProviderProperties properties(String name) {
        return properties.computeIfAbsent(name, ProviderProperties::new);
    }

    public ProviderEndpoint endpoint(String name) {
        ProviderProperties p = properties(name);
        return new ProviderEndpoint(p.isEnabled(), () -> baseUrl(name), p.getConnectTimeout(), p.getReadTimeout(),
                p.getHeaders());
    }

    /** The configured base URL; in the sandbox, the simulator's when none is configured. */
    public URI baseUrl(String name) {
        URI configured = properties(name).getBaseUrl();
        if (configured != null) {
            return configured;
        }
        if (sandbox) {
            return URI.create(server.get().getURL().toString() + "/sandbox/" + name);
        }
        throw new IllegalStateException("payorch.providers." + name + ".base-url is not set");
    }

    /**
     * The provider's transport, timed and counted per outcome (see {@link MeteredProviderTransport}),
     * each call a span with its {@code traceparent} sent along (see {@link TracedProviderTransport})
     * while tracing is on.
     */
    public ProviderTransport transport(String name) {
        return metered.computeIfAbsent(name, n -> new MeteredProviderTransport(n,
                openTelemetry == null ? rawTransport(n) : new TracedProviderTransport(n, rawTransport(n), openTelemetry),
                meters, callStats, clock));
    }

    private MicronautProviderTransport rawTransport(String name) {
        return transports.computeIfAbsent(name, n -> {
            ProviderProperties p = properties(n);
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setConnectTimeout(p.getConnectTimeout());
            configuration.setReadTimeout(p.getReadTimeout());
            configuration.setFollowRedirects(false);
            return new MicronautProviderTransport(HttpClient.create(null, configuration), json);
        });
    }

    @PreDestroy
    void close() {
        transports.values().forEach(MicronautProviderTransport::close);
    }
}
