package io.payorch.application.port.in;

/**
 * A merchant's request for a transfer OTP, as received: every field raw, so that
 * {@link io.payorch.application.service.TransferOtpService} can check them all and name each bad
 * one. It carries personal data (mobile, address, date of birth, coordinates) that is passed to
 * the provider and never stored; {@link #toString()} therefore shows none of it.
 *
 * @param transferType {@code IMPS} or {@code NEFT}
 * @param amount       decimal rupees, e.g. {@code "100"} or {@code "100.50"}
 * @param dateOfBirth  ISO {@code yyyy-MM-dd}
 * @param latitude     decimal degrees, −90..90
 * @param longitude    decimal degrees, −180..180
 */
public record SendTransferOtpCommand(String registrationId, String remitterMobile, String beneficiaryId,
                                     String transferType, String amount, String pincode, String address,
                                     String dateOfBirth, String latitude, String longitude) {

    @Override
    public String toString() {
        return "SendTransferOtpCommand[registrationId=" + registrationId + ", beneficiaryId=" + beneficiaryId
                + ", transferType=" + transferType + ", amount=" + amount + ", personal data hidden]";
    }
}
