package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.domain.TransferOtp;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The public view of a transfer OTP (DESIGN.md "Resources"); the mobile only ever masked. */
@Serdeable
@Schema(name = "TransferOtp", description = "A transfer OTP and its state; the remitter's mobile only ever masked",
        requiredProperties = {"id", "registrationId", "remitterMobile", "beneficiaryId", "transferType", "amount",
                "status", "createdAt"})
public record TransferOtpView(@Schema(example = "otp_01JD3Q7Z8XK2M4N6P8R0T2V4W6") String id,
                              String registrationId,
                              @Schema(description = "masked", example = "98XXXXXX10") String remitterMobile,
                              String beneficiaryId,
                              @Schema(allowableValues = {"IMPS", "NEFT"}) String transferType,
                              @Schema(example = "1500.00") String amount,
                              @Schema(allowableValues = {"PENDING", "OTP_SENT", "REGISTRATION_OTP_SENT", "FAILED", "UNKNOWN",
                                      "EXPIRED"}) String status,
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
