package io.payorch.bootstrap.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import java.util.Set;

/**
 * Body of {@code POST /v1/transfer-otps}. Carries personal data that is passed on and never kept;
 * {@link #toString()} shows none of it.
 */
@Serdeable
@Schema(name = "SendTransferOtpRequest", description = "A DMT transfer's send-OTP step. Unknown fields are refused. "
        + "Date of birth, address and coordinates are passed to the provider and never stored",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        requiredProperties = {"registrationId", "remitterMobile", "beneficiaryId", "transferType", "amount", "pincode",
                "address", "dateOfBirth", "latitude", "longitude"})
public record SendTransferOtpRequest(@Schema(pattern = CreateQrRequest.IDENTIFIER, example = "DMT-1001") String registrationId,
                                     @Schema(description = "10-digit Indian mobile; answered masked, stored masked",
                                             pattern = "^[6-9][0-9]{9}$", example = "9876543210") String remitterMobile,
                                     @Schema(pattern = CreateQrRequest.IDENTIFIER, example = "BEN-77") String beneficiaryId,
                                     @Schema(allowableValues = {"IMPS", "NEFT"}, description = "exactly IMPS or NEFT")
                                     String transferType,
                                     @Schema(description = "decimal rupees, at most two decimals, within the configured "
                                             + "transfer limits (default 1 to 25000)", pattern = CreateQrRequest.AMOUNT,
                                             example = "1500.00") String amount,
                                     @Schema(description = "6-digit Indian PIN code", pattern = "^[1-9][0-9]{5}$",
                                             example = "110001") String pincode,
                                     @Schema(description = "one line, at most 200 characters", minLength = 1, maxLength = 200,
                                             example = "12 Janpath, New Delhi") String address,
                                     @Schema(description = "yyyy-MM-dd; the remitter must be an adult", format = "date",
                                             example = "1990-04-12") String dateOfBirth,
                                     @Schema(description = "decimal degrees from -90 to 90, as a string (\"28.6090\") "
                                             + "or a JSON number; at most 10 decimals", oneOf = {String.class, BigDecimal.class},
                                             implementation = Object.class, example = "28.6090") String latitude,
                                     @Schema(description = "decimal degrees from -180 to 180, as a string (\"77.2362\") "
                                             + "or a JSON number; at most 10 decimals", oneOf = {String.class, BigDecimal.class},
                                             implementation = Object.class, example = "77.2362") String longitude) {

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
