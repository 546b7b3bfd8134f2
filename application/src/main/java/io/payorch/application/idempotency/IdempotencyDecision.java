package io.payorch.application.idempotency;

/** What to do with a request that carries an idempotency key. */
public sealed interface IdempotencyDecision {

    /** This request holds the key: run it, then {@code finish} or {@code abandon} with the token. */
    record Proceed(String token) implements IdempotencyDecision {
    }

    /** The same request was answered before: answer the same. */
    record Replay(StoredResponse response) implements IdempotencyDecision {
    }

    /** The first request with this key is still running (409). */
    record InFlight() implements IdempotencyDecision {
    }

    /** The key was used for a different request (422). */
    record Mismatch() implements IdempotencyDecision {
    }
}
