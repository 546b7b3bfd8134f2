package io.payorch.domain;

/** A business rule was broken. Carries the input field it concerns, where there is one. */
public class DomainException extends RuntimeException {
    private final String field;

    public DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the input field the rule concerns, or {@code null}. */
    public String field() {
        return field;
    }
}
