package io.payorch.bootstrap.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;
import java.util.Set;

/**
 * Body of {@code POST /v1/qr-codes}. Amounts are decimal rupee strings. {@code notes}: at most 15
 * string entries (Razorpay's limit), keys up to 64 and values up to 256 characters.
 */
@Serdeable
@Schema(name = "CreateQrRequest", description = "A dynamic UPI QR to create. Unknown fields are refused",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE, requiredProperties = "registrationId")
public record CreateQrRequest(@Schema(description = "1 to 64 letters, digits, '.', '_' or '-'", pattern = IDENTIFIER,
                                      example = "AOP-554") String registrationId,
                              @Schema(description = "decimal rupees, at most two decimals, greater than zero and at most "
                                      + "the configured maximum (default 100000); required for single_use",
                                      pattern = AMOUNT, example = "10.50") String amount,
                              @Schema(description = "absent: routed across the "
                                      + "configured order", allowableValues = {"AOP", "OQPAY", "BOS", "RAZORPAY"}) String provider,
                              @Schema(allowableValues = {"single_use", "multiple_use"},
                                      defaultValue = "single_use") String usage,
                              @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Customer customer,
                              @Schema(maxLength = 255, example = "Order 991") String description,
                              @Schema(description = "ISO-8601 instant; Razorpay: at least 2 minutes ahead", format = "date-time",
                                      example = "2026-01-31T10:15:30Z") String closeBy,
                              @Schema(description = "at most 15 string entries; keys 1 to 64, values up to 256 characters",
                                      maxProperties = 15) Map<String, String> notes) {

    /** An identifier as payorch accepts it (registration and beneficiary ids), for the document. */
    static final String IDENTIFIER = "^[A-Za-z0-9._-]{1,64}$";
    /** A decimal rupee amount as {@code Money.parse} accepts it, for the document. */
    static final String AMOUNT = "^[0-9]{1,13}(\\.[0-9]{1,2})?$";

    @Serdeable
    @Schema(name = "Customer", description = "The payer (OQPay needs it); stored masked, never logged. Unknown fields are refused",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Customer(@Schema(example = "Asha Rao") String name,
                           @Schema(example = "9876543210") String mobile,
                           @Schema(example = "asha@example.com") String email) {
    }

    private static final Set<String> FIELDS = Set.of("registrationId", "amount", "provider", "usage", "customer",
            "description", "closeBy", "notes");
    private static final Set<String> CUSTOMER_FIELDS = Set.of("name", "mobile", "email");

    /** Reads the body strictly (see {@link StrictJson}); every problem is a 400 naming its field. */
    public static CreateQrRequest parse(byte[] body) {
        StrictJson.Fields fields = StrictJson.object(body).only(FIELDS);
        StrictJson.Fields customerFields = fields.object("customer");
        Customer customer = null;
        if (customerFields != null) {
            customerFields.only(CUSTOMER_FIELDS);
            customer = new Customer(customerFields.string("name"), customerFields.string("mobile"),
                    customerFields.string("email"));
        }
        CreateQrRequest request = new CreateQrRequest(fields.string("registrationId"), fields.string("amount"),
                fields.string("provider"), fields.string("usage"), customer, fields.string("description"),
                fields.string("closeBy"), fields.stringMap("notes", 15, 64, 256));
        fields.done();
        return request;
    }
}
