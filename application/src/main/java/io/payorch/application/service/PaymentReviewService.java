package io.payorch.application.service;

import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.PageRequest;
import io.payorch.application.payments.PaymentNotWaitingException;
import io.payorch.application.payments.QrPayment;
import io.payorch.application.port.in.ReviewPaymentsUseCase;
import io.payorch.application.port.out.PaymentReviewPort;
import io.payorch.domain.Actor;

import java.time.Clock;
import java.util.List;

/** The flagged-payments queue and its resolutions. */
public final class PaymentReviewService implements ReviewPaymentsUseCase {

    public static final int MAX_NOTE = 1000;

    private final PaymentReviewPort payments;
    private final Clock clock;

    public PaymentReviewService(PaymentReviewPort payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public Page<QrPayment> waiting(String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        List<QrPayment> rows = payments.waiting(page.after(), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<QrPayment> items = more ? rows.subList(0, page.limit()) : rows;
        QrPayment last = more ? items.get(items.size() - 1) : null;
        return new Page<>(items, last == null ? null : new PageCursor(last.receivedAt(), Long.toString(last.id())).encode());
    }

    @Override
    public long countWaiting() {
        return payments.countWaiting();
    }

    @Override
    public List<QrPayment> ofQr(String qrId) {
        return payments.forQr(qrId);
    }

    @Override
    public QrPayment resolve(String paymentId, String note, Actor admin) {
        if (!admin.isAdmin()) {
            throw new IllegalArgumentException("only an admin resolves payments");
        }
        long id = parseId(paymentId);
        String trimmed = note == null ? "" : note.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("note", "must say what was done (not blank)")));
        }
        if (trimmed.length() > MAX_NOTE) {
            throw new InvalidRequestException(List.of(new FieldError("note", "must be at most " + MAX_NOTE + " characters")));
        }
        if (!payments.resolve(id, admin.source(), clock.instant(), trimmed)) {
            payments.find(id).orElseThrow(() -> new NotFoundException("payment", paymentId));
            throw new PaymentNotWaitingException(id);
        }
        return payments.find(id).orElseThrow(() -> new NotFoundException("payment", paymentId));
    }

    private static long parseId(String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidRequestException.of("payment", "must be a payment number");
    }
}
