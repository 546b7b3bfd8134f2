package io.payorch.application.merchantwebhook;

import java.time.Instant;

/**
 * One delivery attempt as kept in the log: when, how long, the receiver's status code (null when
 * none came), why it failed (null on a 2xx) and at most 1 KiB of the receiver's body.
 */
public record AttemptRecord(Instant at, long durationMillis, Integer statusCode, String error, String bodyExcerpt) {

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
