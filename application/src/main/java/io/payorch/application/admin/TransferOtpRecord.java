package io.payorch.application.admin;

import java.time.Instant;

/** A transfer OTP as operations see it: the mobile only masked; nothing else personal is kept. */
public record TransferOtpRecord(String id, String registrationId, String remitterMobileMasked, String beneficiaryId,
                                String transferType, long amountPaise, String status, String providerState,
                                Instant sentAt, Instant expiresAt, String failureReason, Instant createdAt,
                                String merchantId) {
}
