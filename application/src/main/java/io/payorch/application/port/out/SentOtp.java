package io.payorch.application.port.out;

/**
 * The provider sent an OTP: for the transfer itself, or, because the remitter is not registered
 * yet, for the remitter's registration. {@code providerState} is the provider's {@code stateresp},
 * which the next step quotes back; it may be null when the provider left it out.
 */
public record SentOtp(Purpose purpose, String providerState) {

    public enum Purpose { TRANSFER, REGISTRATION }
}
