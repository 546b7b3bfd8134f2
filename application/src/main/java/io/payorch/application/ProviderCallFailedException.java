package io.payorch.application;

/** A provider did not do what payorch asked (it said no, or could not be reached, or timed out). */
public final class ProviderCallFailedException extends RuntimeException {

    private final transient ProviderFailure failure;

    public ProviderCallFailedException(ProviderFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public ProviderFailure failure() {
        return failure;
    }
}
