package io.payorch.application.admin;

import io.payorch.domain.TransferOtp;

import java.time.Instant;

/** A transfer OTP as operations see it: the mobile only masked; nothing else personal is kept. */
public record TransferOtpRecord(String id, String registrationId, String remitterMobileMasked, String beneficiaryId,
                                String transferType, long amountPaise, String status, String providerState,
                                Instant sentAt, Instant expiresAt, String failureReason, Instant createdAt,
                                String merchantId) {

    public static TransferOtpRecord of(TransferOtp otp) {
        return new TransferOtpRecord(otp.id(), otp.registrationId(), otp.remitterMobileMasked(), otp.beneficiaryId(),
                otp.transferType().name(), otp.amount().paise(), otp.status().name(), otp.providerState(),
                otp.sentAt(), otp.expiry() == null ? null : otp.expiry().at(), otp.failureReason(), otp.createdAt(),
                otp.merchantId());
    }
}
