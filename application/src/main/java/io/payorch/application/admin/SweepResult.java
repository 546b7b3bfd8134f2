package io.payorch.application.admin;

/** What one run of the expiry sweeps expired. */
public record SweepResult(long qrsExpired, long otpsExpired) {
}
