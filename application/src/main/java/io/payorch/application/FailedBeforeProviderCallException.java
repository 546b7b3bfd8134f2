package io.payorch.application;

/**
 * The request failed before any provider was called (recording it failed, for instance because
 * the database is unavailable): nothing left payorch, so a retry, even with the same
 * Idempotency-Key, cannot make a second QR or send a second OTP. The cause says what failed.
 */
public final class FailedBeforeProviderCallException extends RuntimeException {

    public FailedBeforeProviderCallException(String what, RuntimeException cause) {
        super(what + " failed before any provider was called", cause);
    }
}
