package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /v1/transfer-otps}. Carries personal data that is passed on and never kept;
 * {@link #toString()} shows none of it.
 */
@Serdeable
public record SendTransferOtpRequest(@Nullable String registrationId,
                                     @Nullable String remitterMobile,
                                     @Nullable String beneficiaryId,
                                     @Nullable String transferType,
                                     @Nullable String amount,
                                     @Nullable String pincode,
                                     @Nullable String address,
                                     @Nullable String dateOfBirth,
                                     @Nullable String latitude,
                                     @Nullable String longitude) {

    @Override
    public String toString() {
        return "SendTransferOtpRequest[registrationId=" + registrationId + ", beneficiaryId=" + beneficiaryId
                + ", transferType=" + transferType + ", amount=" + amount + ", personal data hidden]";
    }
}
