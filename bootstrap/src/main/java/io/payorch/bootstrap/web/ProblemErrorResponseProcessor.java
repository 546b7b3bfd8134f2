package io.payorch.bootstrap.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

/**
 * Micronaut's own errors (malformed JSON, a missing body or parameter, 404, 405, 413, 415, a 500)
 * as problem documents too. Their messages are not echoed: they may quote the input.
 *
 * <p>Micronaut answers every request Netty could not decode for its size with 413, whatever was too
 * large. A request line (the URL) over {@code micronaut.server.netty.max-initial-line-length} is
 * answered 414 here, and headers over {@code max-header-size} 431, so that the client is told what
 * to shorten.
 */
@Singleton
@Primary
@Replaces(HateoasErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = refinedSizeStatus(context, base.getStatus());
        base.status(status);
        Problem problem = switch (status.getCode()) {
            case 400 -> Problem.malformed(field(context), "is missing or malformed");
            case 401 -> Problem.of(status, "unauthorized", "HTTP Basic credentials of a configured API client are required.");
            case 403 -> Problem.of(status, "forbidden", "These credentials may not use this endpoint.");
            case 404 -> Problem.of(status, "not_found", "There is nothing at this address.");
            case 405 -> Problem.of(status, "method_not_allowed", "This address does not take that method.");
            case 406 -> Problem.of(status, "not_acceptable", "No representation matches the Accept header.");
            case 413 -> Problem.of(status, "payload_too_large", "The request body is larger than this API accepts.");
            case 414 -> Problem.of(status, "uri_too_long", "The request line (method, path and query) is longer than this API accepts.");
            case 415 -> Problem.of(status, "unsupported_media_type", "Send application/json.");
            case 431 -> Problem.of(status, "headers_too_large", "The request headers are larger than this API accepts.");
            default -> status.getCode() >= 500
                    ? Problem.of(status, "internal_error", "Something went wrong on our side; the request id identifies it.")
                    : Problem.of(status, "request_refused", "The request was refused.");
        };
        return base.contentType(Problem.PROBLEM_JSON).body(problem);
    }

    private static HttpStatus refinedSizeStatus(ErrorContext context, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || !(context.getRequest() instanceof NettyHttpRequest<?> request)) {
            return status;
        }
        Throwable cause = request.getNativeRequest().decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return status;
    }

    private static String field(ErrorContext context) {
        return context.getErrors().stream()
                .map(e -> e.getPath().orElse(null))
                .filter(p -> p != null && !p.isBlank())
                .map(p -> p.startsWith("/") ? p.substring(1) : p)
                .findFirst().orElse("body");
    }
}
