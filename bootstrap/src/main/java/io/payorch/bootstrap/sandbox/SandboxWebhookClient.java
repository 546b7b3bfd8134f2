package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;

/**
 * Sends a simulated provider's notification over HTTP to payorch's webhook: this server's own URL,
 * or {@code payorch.sandbox.notify-url} when set (another payorch instance, a tunnel). Blocking:
 * called from the blocking executor only.
 */
@Singleton
@Requires(env = "sandbox")
public class SandboxWebhookClient {

    /** What payorch's webhook answered. */
    public record Delivery(int status, byte[] body, @Nullable String contentType) {
    }

    private final Provider<EmbeddedServer> server;
    private final String notifyUrl;
    private final HttpClient client;

    SandboxWebhookClient(Provider<EmbeddedServer> server, @Nullable @Value("${payorch.sandbox.notify-url:}") String notifyUrl) {
        this.server = server;
        this.notifyUrl = notifyUrl == null || notifyUrl.isBlank() ? null : notifyUrl.strip();
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        configuration.setReadTimeout(Duration.ofSeconds(30));
        configuration.setFollowRedirects(false);
        this.client = HttpClient.create(null, configuration);
    }

    /** @throws io.micronaut.http.client.exceptions.HttpClientException when the webhook cannot be reached */
    public Delivery send(SimulatedPayments.Notification notification) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(target(notification.path()), notification.body())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"));
        notification.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            return new Delivery(response.code(), response.getBody().orElse(new byte[0]),
                    response.getContentType().map(MediaType::toString).orElse(null));
        } catch (HttpClientResponseException e) {
            return new Delivery(e.code(), e.getResponse().getBody(byte[].class).orElse(new byte[0]),
                    e.getResponse().getContentType().map(MediaType::toString).orElse(null));
        }
    }

    /** Where notifications go: the base URL plus the webhook's path. */
    public URI target(String path) {
        String base = notifyUrl != null ? notifyUrl : server.get().getURL().toString();
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
