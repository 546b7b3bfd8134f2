package io.payorch.application.port.out;

import io.payorch.domain.Money;
import io.payorch.domain.TransferType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the DMT provider needs to send a transfer OTP, validated, in payorch's terms. It
 * holds the remitter's personal data only in memory for the one call; {@link #toString()} shows
 * none of it, so that it cannot reach a log by accident.
 */
public record TransferOtpProviderRequest(String otpId, String registrationId, String remitterMobile,
                                         String beneficiaryId, TransferType transferType, Money amount,
                                         String pincode, String address, LocalDate dateOfBirth,
                                         BigDecimal latitude, BigDecimal longitude) {

    public TransferOtpProviderRequest {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(remitterMobile, "remitterMobile");
        Objects.requireNonNull(beneficiaryId, "beneficiaryId");
        Objects.requireNonNull(transferType, "transferType");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(pincode, "pincode");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
    }

    @Override
    public String toString() {
        return "TransferOtpProviderRequest[otpId=" + otpId + ", registrationId=" + registrationId
                + ", beneficiaryId=" + beneficiaryId + ", transferType=" + transferType + ", amount=" + amount
                + ", personal data hidden]";
    }
}
