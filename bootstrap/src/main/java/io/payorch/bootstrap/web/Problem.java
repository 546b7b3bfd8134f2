package io.payorch.bootstrap.web;

import io.payorch.application.ProviderFailure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.payorch.application.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem document with payorch's extensions: a stable {@code code}, the invalid
 * fields, the provider's own answer and, where a QR was recorded, that QR.
 */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem document with payorch's code, field errors and provider answer")
public record Problem(String type, String title, int status, String detail, String code,
                      @Nullable List<FieldProblem> errors, @Nullable ProviderError provider, @Nullable Object resource) {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Serdeable
    public record FieldProblem(String field, String message) {
    }

    @Serdeable
    public record ProviderError(String name, @Nullable String code, @Nullable String message) {

        /** What the provider said, as a failed call recorded it. */
        public static ProviderError of(ProviderFailure failure) {
            return new ProviderError(failure.provider(), failure.code(), failure.message());
        }
    }

    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem("https://payorch.io/problems/" + code, status.getReason(), status.getCode(), detail, code,
                null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        List<FieldProblem> problems = fieldErrors.stream().map(e -> new FieldProblem(e.field(), e.message())).toList();
        return new Problem(type, title, status, detail, code, problems, provider, resource);
    }

    public Problem withProvider(ProviderError providerError) {
        return new Problem(type, title, status, detail, code, errors, providerError, resource);
    }

    public Problem withResource(Object value) {
        return new Problem(type, title, status, detail, code, errors, provider, value);
    }

    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(PROBLEM_JSON).body(this);
    }
}
