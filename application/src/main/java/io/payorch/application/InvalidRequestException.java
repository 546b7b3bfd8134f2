package io.payorch.application;

import java.util.List;

/** The request was refused before anything was stored or sent; lists every bad field. */
public final class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
