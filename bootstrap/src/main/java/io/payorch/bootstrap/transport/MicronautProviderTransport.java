package io.payorch.bootstrap.transport;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.json.JsonMapper;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.wire.ProviderAnswer;
import io.payorch.wire.ProviderTransport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link ProviderTransport} over the Micronaut HTTP client of one provider (its own timeouts).
 * Blocking by design: it is only called from the blocking executor, never from the event loop.
 */
public final class MicronautProviderTransport implements ProviderTransport, AutoCloseable {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final HttpClient client;
    private final JsonMapper json;

    public MicronautProviderTransport(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public <T> ProviderOutcome<T> exchange(String method, URI uri, Map<String, String> headers, Object body,
                                           Function<ProviderAnswer, ProviderOutcome<T>> reader) {
        MutableHttpRequest<Object> request = "GET".equals(method) ? HttpRequest.GET(uri) : HttpRequest.POST(uri, body);
        request.accept(MediaType.APPLICATION_JSON_TYPE);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        headers.forEach(request::header);
        int status;
        byte[] bytes;
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            status = response.code();
            bytes = response.getBody().orElse(new byte[0]);
        } catch (HttpClientResponseException e) {
            status = e.code();
            bytes = e.getResponse().getBody(byte[].class).orElse(new byte[0]);
        } catch (ReadTimeoutException e) {
            return new ProviderOutcome.Unknown<>("no answer within the read timeout", true);
        } catch (HttpClientException e) {
            if (refusedConnection(e)) {
                return new ProviderOutcome.NotAttempted<>("connection refused or not established");
            }
            return new ProviderOutcome.Unknown<>("transport error: " + e.getClass().getSimpleName(), false);
        }
        return reader.apply(new ProviderAnswer(status, parse(bytes)));
    }

    private Map<String, Object> parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readValue(bytes, OBJECT);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean refusedConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return e.getMessage() != null && e.getMessage().startsWith("Connect Error");
    }

    @Override
    public void close() {
        client.close();
    }
}
