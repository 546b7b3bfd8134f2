package io.payorch.application.admin;

import io.payorch.domain.TransferOtpStatus;

import java.time.Instant;

/** Admin transfer-OTP search; every field optional. {@code createdFrom} inclusive, {@code createdTo} exclusive. */
public record OtpFilter(TransferOtpStatus status, String registrationId, Instant createdFrom, Instant createdTo,
                        String merchant) {
}
