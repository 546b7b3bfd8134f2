package io.payorch.application.port.out;

import io.payorch.application.admin.PageCursor;
import io.payorch.application.payments.QrPayment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments as operations review them. */
public interface PaymentReviewPort {

    /** Up to {@code limit} payments waiting for operations, oldest first, strictly after {@code after} (receivedAt, id). */
    List<QrPayment> waiting(PageCursor after, int limit);

    long countWaiting();

    /** Every payment reported for this QR, in the order received. */
    List<QrPayment> forQr(String qrId);

    Optional<QrPayment> find(long id);

    /**
     * Records the resolution in one statement, only while the payment is waiting.
     *
     * @return false when it was not waiting (applied, already resolved, or no such payment)
     */
    boolean resolve(long id, String by, Instant at, String note);
}
