package io.payorch.bootstrap.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every exchange of the tests' Micronaut HTTP clients ({@code @Client("/")}) with payorch's
 * API against the OpenAPI document ({@link ApiContract}), as {@link ApiCalls} does for the raw
 * client. Test scope only: it is a bean of every test's application context, never of the jar.
 */
@ClientFilter(patterns = {"/v1/**", "/admin/**", "/sandbox/qr-codes/**"})
public class ContractCheckingClientFilter {

    private final JsonMapper json;

    ContractCheckingClientFilter(JsonMapper json) {
        this.json = json;
    }

    @ResponseFilter
    public void check(HttpRequest<?> request, @Nullable HttpResponse<?> response, @Nullable Throwable failure) {
        HttpResponse<?> answer = response;
        if (answer == null && failure instanceof HttpClientResponseException e) {
            answer = e.getResponse();
        }
        if (answer == null) {
            return;
        }
        URI uri = URI.create(request.getPath() + (request.getUri().getRawQuery() == null ? ""
                : "?" + request.getUri().getRawQuery()));
        String contentType = answer.getContentType().map(Object::toString).orElse("");
        String body = answer.getBody(byte[].class).map(b -> ApiContract.text(contentType, b)).orElse(null);
        Map<String, List<String>> requestHeaders = headers(request.getHeaders());
        String requestBody = requestBody(request);
        if (requestBody != null && request.getContentType().isEmpty()) {
            requestHeaders.put(HttpHeaders.CONTENT_TYPE, List.of("application/json")); // the client's default
        }
        ApiContract.check(new ApiContract.Exchange(request.getMethodName(), uri, requestHeaders, requestBody,
                answer.code(), headers(answer.getHeaders()), body));
    }

    private String requestBody(HttpRequest<?> request) {
        Object body = request.getBody().orElse(null);
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        try {
            return new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, values) -> all.put(name, new ArrayList<>(values)));
        return all;
    }
}
