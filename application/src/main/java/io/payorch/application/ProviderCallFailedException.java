package io.payorch.application;

import io.payorch.domain.Provider;

/** A provider did not do what payorch asked (it said no, or could not be reached, or timed out). */
public final class ProviderCallFailedException extends RuntimeException {

    public enum Kind { REJECTED, NOT_ATTEMPTED, UNKNOWN, TIMED_OUT }

    private final Kind kind;
    private final Provider provider;
    private final String code;

    public ProviderCallFailedException(Kind kind, Provider provider, String code, String message) {
        super(message);
        this.kind = kind;
        this.provider = provider;
        this.code = code;
    }

    public Kind kind() { return kind; }
    public Provider provider() { return provider; }
    public String code() { return code; }
}
