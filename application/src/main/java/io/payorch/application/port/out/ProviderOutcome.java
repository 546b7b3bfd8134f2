package io.payorch.application.port.out;

import io.payorch.application.ProviderFailure;

import java.util.function.Function;

/**
 * What became of one provider call, classified the way payments must be: accepted, rejected (the
 * provider saw it and said no), not attempted (it never left us) or unknown (it may have happened).
 */
public sealed interface ProviderOutcome<T> {

    record Accepted<T>(T value) implements ProviderOutcome<T> {
    }

    /**
     * A definitive "no" from the provider, with its own code and message, and what it means as the
     * adapter that read it decided.
     */
    record Rejected<T>(String code, String message, Reason reason) implements ProviderOutcome<T> {
    }

    /** Why a provider said no, in payorch's terms (the adapter maps its provider's answer to one). */
    enum Reason {
        /** The provider refused what was asked (a field, an amount, a state it is in). */
        INVALID_REQUEST,
        /** The provider refused payorch's own credentials: nothing else was looked at. */
        AUTHENTICATION_FAILED,
        /** The provider has no such resource. */
        NOT_FOUND,
        /** The provider understood the request and declined it for a reason of its own. */
        DECLINED
    }

    /** The request never reached the provider (connection refused, provider disabled). */
    record NotAttempted<T>(String reason) implements ProviderOutcome<T> {
    }

    /** Timeout, 5xx or an unreadable answer: the provider may have acted on it. */
    record Unknown<T>(String reason, boolean timedOut) implements ProviderOutcome<T> {
    }

    /** The same outcome with an accepted value turned into another; failures carry over unchanged. */
    default <U> ProviderOutcome<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Accepted<T> a) {
            return new Accepted<>(mapper.apply(a.value()));
        }
        if (this instanceof Rejected<T> r) {
            return new Rejected<>(r.code(), r.message(), r.reason());
        }
        if (this instanceof NotAttempted<T> n) {
            return new NotAttempted<>(n.reason());
        }
        Unknown<T> u = (Unknown<T>) this;
        return new Unknown<>(u.reason(), u.timedOut());
    }

    /**
     * How the attempts list describes it: an accepted value as {@code accepted} says, a refusal as
     * "code: message", anything else by its reason.
     */
    default String describe(Function<? super T, String> accepted) {
        if (this instanceof Accepted<T> a) {
            return accepted.apply(a.value());
        }
        if (this instanceof Rejected<T> r) {
            return r.code() + ": " + r.message();
        }
        return this instanceof NotAttempted<T> n ? n.reason() : ((Unknown<T>) this).reason();
    }

    /** The failure a refused, unattempted or unknown outcome stands for; {@code provider} names who failed. */
    default ProviderFailure failure(String provider) {
        if (this instanceof Rejected<T> r) {
            return new ProviderFailure(r.reason() == Reason.AUTHENTICATION_FAILED
                    ? ProviderFailure.Kind.AUTHENTICATION_FAILED : ProviderFailure.Kind.REJECTED, provider, r.code(),
                    r.message());
        }
        if (this instanceof NotAttempted<T> n) {
            return new ProviderFailure(ProviderFailure.Kind.NOT_ATTEMPTED, provider, null, n.reason());
        }
        if (this instanceof Unknown<T> u) {
            return new ProviderFailure(u.timedOut() ? ProviderFailure.Kind.TIMED_OUT : ProviderFailure.Kind.UNKNOWN,
                    provider, null, u.reason());
        }
        throw new IllegalStateException("an accepted outcome is no failure");
    }

    /** A short label for metrics and the attempts list. */
    default String label() {
        if (this instanceof Accepted) {
            return "accepted";
        }
        if (this instanceof Rejected) {
            return "rejected";
        }
        return this instanceof NotAttempted ? "not_attempted" : "unknown";
    }
}
