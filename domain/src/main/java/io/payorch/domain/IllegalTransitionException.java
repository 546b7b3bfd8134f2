package io.payorch.domain;

/** A state change the lifecycle does not allow (e.g. closing a QR that was already paid). */
public final class IllegalTransitionException extends DomainException {
    private final String from;
    private final String to;

    public IllegalTransitionException(String entity, Enum<?> from, Enum<?> to) {
        super(null, entity + " cannot go from " + from + " to " + to);
        this.from = from.name();
        this.to = to.name();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
