package io.payorch.application.port.out;

import io.payorch.application.FieldError;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;

import java.util.List;

/**
 * One QR provider's API, as payorch needs it. Each provider adapter implements it; a contract
 * test runs the same expectations against all of them.
 */
public interface QrProviderPort {

    Provider provider();

    /** Whether the operator turned this provider on. */
    boolean enabled();

    /**
     * Why this request cannot go to this provider, checked before any call (e.g. OQPay's ₹300
     * minimum). Empty when the provider can take it.
     */
    List<FieldError> check(QrProviderRequest request);

    /** Creates the QR. Never throws for a provider failure: the outcome says what happened. */
    ProviderOutcome<ProviderQr> create(QrProviderRequest request);

    /** Whether the provider itself holds a QR open until told to close it (Razorpay). */
    default boolean closesAtProvider() {
        return false;
    }

    /** Closes the QR at the provider; only called where {@link #closesAtProvider()} is true. */
    default ProviderOutcome<ProviderQr> close(String providerReference) {
        throw new UnsupportedOperationException(provider() + " has no close call");
    }

    /** Asks the provider what became of a QR, where it can be asked; empty outcome otherwise. */
    default ProviderOutcome<ProviderQr> fetch(String qrId, String providerReference) {
        return new ProviderOutcome.NotAttempted<>(provider() + " cannot be asked about a QR");
    }
}
