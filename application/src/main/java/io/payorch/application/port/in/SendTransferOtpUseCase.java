package io.payorch.application.port.in;

/** Have the remitter sent the OTP of a money transfer, keeping a record whatever the provider does. */
public interface SendTransferOtpUseCase {

    /**
     * @throws io.payorch.application.InvalidRequestException naming every bad field; nothing is
     *         stored or sent then
     */
    TransferOtpSending send(String merchantId, SendTransferOtpCommand command);
}
