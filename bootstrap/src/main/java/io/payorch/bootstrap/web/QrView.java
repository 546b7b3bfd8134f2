package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.payorch.domain.Money;
import io.payorch.domain.QrIntent;

import java.time.Instant;

/** The public view of a QR (DESIGN.md "Resources"). */
@Serdeable
@Schema(name = "Qr", description = "A QR and its lifecycle",
        requiredProperties = {"id", "registrationId", "usage", "status", "createdAt", "paymentsCount", "paymentsTotal"})
public record QrView(@Schema(example = "qr_01JD3Q7Z8XK2M4N6P8R0T2V4W6") String id,
                     @Nullable @Schema(allowableValues = {"AOP", "OQPAY", "BOS", "RAZORPAY"},
                             description = "absent until a provider was chosen") String provider,
                     @Nullable String providerReference,
                     String registrationId,
                     @Nullable @Schema(description = "decimal rupees; absent for an open-amount multiple_use QR",
                             example = "10.50") String amount,
                     @Schema(allowableValues = {"single_use", "multiple_use"}) String usage,
                     @Schema(allowableValues = {"PENDING", "ACTIVE", "PAID", "EXPIRED", "CLOSED", "FAILED", "UNKNOWN"}) String status,
                     @Nullable @Schema(description = "what the QR encodes", example = "upi://pay?ver=01&mode=22&pa=merchant@upi&pn=SHOP&tr=AOP1X&cu=INR&am=10.50") String upiIntent,
                     @Nullable String imageUrl,
                     Instant createdAt,
                     @Nullable Instant expiresAt,
                     @Nullable Instant closedAt,
                     @Nullable String closeReason,
                     @Schema(minimum = "0") long paymentsCount,
                     @Schema(description = "decimal rupees received so far", example = "0.00") String paymentsTotal,
                     @Nullable String failureReason) {

    public static QrView of(QrIntent qr) {
        return new QrView(qr.id(), qr.provider() == null ? null : qr.provider().name(), qr.providerReference(),
                qr.registrationId(), qr.amount() == null ? null : qr.amount().toDecimalString(), qr.usage().wire(),
                qr.status().name(), qr.upiIntent(), qr.imageUrl(), qr.createdAt(),
                qr.expiry() == null ? null : qr.expiry().at(), qr.closedAt(), qr.closeReason(), qr.paymentsCount(),
                qr.paymentsTotalPaise() == 0 ? "0.00" : Money.ofPaise(qr.paymentsTotalPaise()).toDecimalString(),
                qr.failureReason());
    }
}
