package io.payorch.application.port.in;

import io.payorch.application.ProviderFailure;
import io.payorch.domain.TransferOtp;

import java.util.Optional;

/** The recorded OTP and, when the provider did not send it, why. The OTP is stored either way. */
public record TransferOtpSending(TransferOtp otp, Optional<ProviderFailure> failure) {
}
