package io.payorch.application.port.in;

import io.payorch.domain.TransferOtp;

/** Read one transfer OTP. */
public interface GetTransferOtpUseCase {
    /** @throws io.payorch.application.NotFoundException when merchant {@code merchantId} has no such OTP */
    TransferOtp get(String merchantId, String id);
}
