package io.payorch.application;

/**
 * Why a provider did not do what payorch asked, with the provider's own code and message where it
 * gave them: the one answer the QR, transfer-OTP and close use cases give for a failed call
 * ({@link io.payorch.application.port.out.ProviderOutcome#failure} makes it from an outcome).
 *
 * @param provider the provider's name as the API shows it ({@code AOP}, {@code RAZORPAY}, {@code DMT})
 */
public record ProviderFailure(Kind kind, String provider, String code, String message) {

    public enum Kind {
        /** The provider refused payorch's own credentials: an operator must act; never retried. */
        AUTHENTICATION_FAILED,
        /** The provider saw the request and said no. */
        REJECTED,
        /** The provider could not be reached; nothing happened there. */
        NOT_ATTEMPTED,
        /** The provider did not answer in time; it may have acted. */
        TIMED_OUT,
        /** 5xx or an unreadable answer; it may have acted. */
        UNKNOWN
    }
}
