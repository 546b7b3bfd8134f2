package io.payorch.application.admin;

import io.payorch.domain.StateChange;

import java.util.List;

/** A transfer OTP with its audit history. */
public record TransferOtpDetail(TransferOtpRecord otp, List<StateChange> events) {
}
