package io.payorch.application.port.out;

/** The DMT provider's "transaction send OTP" call, as payorch needs it. */
public interface TransferOtpProviderPort {

    /** The provider's name as the API shows it in a problem's {@code provider.name}. */
    String name();

    /** Whether the operator turned this provider on. */
    boolean enabled();

    /**
     * Asks the provider to send the OTP, once: never retried, since a retry may send a second OTP.
     * Never throws for a provider failure; the outcome says what happened. A
     * {@link ProviderOutcome.Rejected} for {@link ProviderOutcome.Reason#AUTHENTICATION_FAILED}
     * means the provider refused payorch's credentials, whatever status it answered with.
     */
    ProviderOutcome<SentOtp> sendOtp(TransferOtpProviderRequest request);
}
