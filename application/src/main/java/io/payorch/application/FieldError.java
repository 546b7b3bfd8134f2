package io.payorch.application;

/** One invalid input field and why. */
public record FieldError(String field, String message) {
}
