package io.payorch.application.port.in;

import io.payorch.domain.TransferOtp;

import java.util.Optional;

/** The recorded OTP and, when the provider did not send it, why. The OTP is stored either way. */
public record TransferOtpSending(TransferOtp otp, Optional<ProviderFailure> failure) {

    /** Why the provider did not send the OTP, with its own code and message where it gave them. */
    public record ProviderFailure(Kind kind, String provider, String code, String message) {
    }

    public enum Kind {
        /** The provider refused payorch's credentials: an operator must act; never retried. */
        AUTHENTICATION_FAILED,
        /** The provider saw the request and said no. */
        REJECTED,
        /** The provider could not be reached; nothing was sent. */
        NOT_ATTEMPTED,
        /** The provider did not answer in time; an OTP may have been sent. */
        TIMED_OUT,
        /** 5xx or an unreadable answer; an OTP may have been sent. */
        UNKNOWN
    }
}
