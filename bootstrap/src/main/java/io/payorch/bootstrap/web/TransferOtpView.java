package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.domain.TransferOtp;

import java.time.Instant;

/** The public view of a transfer OTP (DESIGN.md "Resources"); the mobile only ever masked. */
@Serdeable
public record TransferOtpView(String id,
                              String registrationId,
                              String remitterMobile,
                              String beneficiaryId,
                              String transferType,
                              String amount,
                              String status,
                              @Nullable String providerState,
                              Instant createdAt,
                              @Nullable Instant sentAt,
                              @Nullable Instant expiresAt,
                              @Nullable String failureReason) {

    public static TransferOtpView of(TransferOtp otp) {
        return new TransferOtpView(otp.id(), otp.registrationId(), otp.remitterMobileMasked(), otp.beneficiaryId(),
                otp.transferType().name(), otp.amount().toDecimalString(), otp.status().name(), otp.providerState(),
                otp.createdAt(), otp.sentAt(), otp.expiry() == null ? null : otp.expiry().at(), otp.failureReason());
    }
}
