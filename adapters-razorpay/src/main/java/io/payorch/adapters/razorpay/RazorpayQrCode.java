package io.payorch.adapters.razorpay;

import java.time.Instant;
import java.util.Map;

/**
 * Razorpay's QR Code entity as its create, close and fetch calls answer it (amounts in paise,
 * times as Unix seconds turned into instants). Stays in this module.
 */
record RazorpayQrCode(String id, String status, String usage, String imageUrl, Long paymentAmount,
                      Boolean fixedAmount, long paymentsAmountReceived, long paymentsCountReceived,
                      Instant createdAt, Instant closeBy, Instant closedAt, String closeReason,
                      String customerId, Map<String, Object> notes) {
}
