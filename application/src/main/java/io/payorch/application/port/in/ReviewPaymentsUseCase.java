package io.payorch.application.port.in;

import io.payorch.application.admin.Page;
import io.payorch.application.payments.QrPayment;
import io.payorch.domain.Actor;

import java.util.List;

/** Operations look at the payments that could not be applied (flagged or unmatched) and settle them. */
public interface ReviewPaymentsUseCase {

    /** Payments waiting, oldest first; {@code limit} and {@code cursor} as in the admin searches. */
    Page<QrPayment> waiting(String limit, String cursor);

    long countWaiting();

    /** Every payment reported for a QR. */
    List<QrPayment> ofQr(String qrId);

    /**
     * Marks a waiting payment resolved with a note, recorded with the admin who did it.
     *
     * @throws io.payorch.application.InvalidRequestException            a blank or too long note, a bad id
     * @throws io.payorch.application.NotFoundException                  no such payment
     * @throws io.payorch.application.payments.PaymentNotWaitingException applied or already resolved
     */
    QrPayment resolve(String paymentId, String note, Actor admin);
}
