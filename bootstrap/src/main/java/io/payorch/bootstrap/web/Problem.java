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
 * fields, the provider's own answer and, where a QR was recorded, that QR. The last three are
 * left out of the JSON when absent (never null), so the document does not call them nullable.
 */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem document with payorch's code, field errors and provider answer",
        requiredProperties = {"type", "title", "status", "detail", "code"})
public record Problem(@Schema(format = "uri", example = "https://payorch.io/problems/validation_failed") String type,
                      @Schema(example = "Bad Request") String title,
                      @Schema(minimum = "400", maximum = "599", example = "400") int status,
                      String detail,
                      @Schema(description = "stable, machine-readable", example = "validation_failed") String code,
                      @Schema(description = "each invalid field or parameter (400)",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldProblem> errors,
                      @Schema(description = "the provider's own answer, when a provider said no",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) ProviderError provider,
                      @Schema(description = "the QR or transfer OTP concerned, where one was recorded",
                              requiredMode = Schema.RequiredMode.NOT_REQUIRED) Object resource) {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Serdeable
    @Schema(name = "FieldProblem", description = "One invalid field or parameter", requiredProperties = {"field", "message"})
    public record FieldProblem(@Schema(example = "amount") String field,
                               @Schema(example = "must have at most two decimals") String message) {
    }

    @Serdeable
    @Schema(name = "ProviderError", description = "What the provider answered", requiredProperties = "name")
    public record ProviderError(@Schema(example = "AOP") String name, @Nullable String code, @Nullable String message) {

        /** What the provider said, as a failed call recorded it. */
        public static ProviderError of(ProviderFailure failure) {
            return new ProviderError(failure.provider(), failure.code(), failure.message());
        }
    }

    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem("https://payorch.io/problems/" + code, status.getReason(), status.getCode(), detail, code,
                null, null, null);
    }

    /** 400 validation_failed: the request was read, and these of its fields or parameters are wrong. */
    public static Problem invalidFields(List<FieldError> fieldErrors) {
        return of(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.").withErrors(fieldErrors);
    }

    /** 400 malformed_request: the request could not be read; {@code field} names what could not be. */
    public static Problem malformed(String field, String message) {
        return of(HttpStatus.BAD_REQUEST, "malformed_request", "The request could not be read.")
                .withErrors(List.of(new FieldError(field, message)));
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
