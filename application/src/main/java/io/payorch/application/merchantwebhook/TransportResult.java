package io.payorch.application.merchantwebhook;

/**
 * What one HTTP attempt gave: the status code (null when no answer came: refused, timed out),
 * the time it took, at most 1 KiB of the body, and the error when there was no answer.
 */
public record TransportResult(Integer statusCode, long durationMillis, String bodyExcerpt, String error) {
    public static final int MAX_EXCERPT_BYTES = 1024;
}
