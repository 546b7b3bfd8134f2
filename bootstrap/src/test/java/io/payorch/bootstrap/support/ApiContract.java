package io.payorch.bootstrap.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks one HTTP exchange against the OpenAPI document the build generated (the one the server
 * serves), with Atlassian's swagger-request-validator. Every answer of a documented operation must
 * match the document: its status, media type and body. A request the server accepted (2xx) must
 * match it too; a refused one (4xx) may not, since tests send bad input on purpose. Paths the
 * document does not describe (operations endpoints, the provider simulators) are not checked.
 */
public final class ApiContract {

    public static final String DOCUMENT = "META-INF/swagger/payorch-1.0.yml";
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(text()).build();
    private static final List<String> NOT_OURS = List.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private ApiContract() {
    }

    /** The document as text (from the classpath: the build's output). */
    public static String text() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath: micronaut-openapi writes it at compile time");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body as the validator reads it: text as UTF-8, anything else (PNG) byte for byte as ISO-8859-1. */
    public static String text(String contentType, byte[] body) {
        boolean text = contentType.contains("json") || contentType.contains("xml") || contentType.startsWith("text/")
                || contentType.contains("yaml");
        return new String(body, text ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** One exchange as the wire saw it. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** @throws AssertionError naming every way the exchange disagrees with the document */
    public static void check(Exchange exchange) {
        String problems = problems(exchange);
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange disagrees with the OpenAPI document (" + exchange.method() + " "
                    + exchange.uri().getRawPath() + " -> " + exchange.status() + "):\n" + problems
                    + "\nresponse body: " + abbreviated(exchange.responseBody()));
        }
    }

    /** Every disagreement, one per line; empty when the exchange matches (or its path is not documented). */
    public static String problems(Exchange exchange) {
        Request request = request(exchange);
        ValidationReport requestReport = VALIDATOR.validateRequest(request);
        if (requestReport.getMessages().stream().anyMatch(m -> NOT_OURS.contains(m.getKey()))) {
            return "";
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> response.withHeader(name, values));
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = VALIDATOR.validateResponse(exchange.uri().getRawPath(), request.getMethod(),
                response.build());
        if (exchange.status() >= 200 && exchange.status() < 300) {
            report = report.merge(requestReport);
        }
        // below: an operation that declares no body ignores one it is sent (close, sweeps), not a disagreement
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getKey().equals("validation.request.body.unexpected"))
                .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static Request request(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                exchange.method().toUpperCase(Locale.ROOT), exchange.uri().getRawPath());
        exchange.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
        String query = exchange.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                request.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String abbreviated(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }
}
