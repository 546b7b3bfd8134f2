package io.payorch.application.port.out;

/**
 * What became of one provider call, classified the way payments must be: accepted, rejected (the
 * provider saw it and said no), not attempted (it never left us) or unknown (it may have happened).
 */
public sealed interface ProviderOutcome<T> {

    record Accepted<T>(T value) implements ProviderOutcome<T> {
    }

    /** A definitive "no" from the provider, with its own code and message. */
    record Rejected<T>(String code, String message, int httpStatus) implements ProviderOutcome<T> {
    }

    /** The request never reached the provider (connection refused, provider disabled). */
    record NotAttempted<T>(String reason) implements ProviderOutcome<T> {
    }

    /** Timeout, 5xx or an unreadable answer: the provider may have acted on it. */
    record Unknown<T>(String reason, boolean timedOut) implements ProviderOutcome<T> {
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
