package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

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

    private static final Set<String> FIELDS = Set.of("registrationId", "remitterMobile", "beneficiaryId", "transferType",
            "amount", "pincode", "address", "dateOfBirth", "latitude", "longitude");

    /** Reads the raw body strictly: unknown fields, wrong types and malformed JSON are 400s naming the field. */
    public static SendTransferOtpRequest parse(byte[] body) {
        StrictJson.Fields fields = StrictJson.object(body).only(FIELDS);
        SendTransferOtpRequest request = new SendTransferOtpRequest(fields.string("registrationId"),
                fields.string("remitterMobile"), fields.string("beneficiaryId"), fields.string("transferType"),
                fields.string("amount"), fields.string("pincode"), fields.string("address"),
                fields.string("dateOfBirth"), fields.decimal("latitude"), fields.decimal("longitude"));
        fields.done();
        return request;
    }

    @Override
    public String toString() {
        return "SendTransferOtpRequest[registrationId=" + registrationId + ", beneficiaryId=" + beneficiaryId
                + ", transferType=" + transferType + ", amount=" + amount + ", personal data hidden]";
    }
}
