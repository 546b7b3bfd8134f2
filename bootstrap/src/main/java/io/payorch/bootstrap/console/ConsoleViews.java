package io.payorch.bootstrap.console;

import io.payorch.application.ProviderAttempt;
import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.application.payments.QrPayment;
import io.payorch.domain.Money;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the templates show, already formatted for people (₹ with Indian grouping, IST with the UTC
 * instant beside it). Templates only print these; Thymeleaf escapes every value.
 */
final class ConsoleViews {

    private ConsoleViews() {
    }

    /** A time as shown (IST) and as the exact UTC instant (hover title, datetime attribute). */
    record When(String local, String utc) {
        static When of(Instant at) {
            return at == null ? null : new When(ConsoleFormat.local(at), ConsoleFormat.utc(at));
        }
    }

    /** One labelled value of a detail page. */
    record Field(String label, String value, When when, String tone) {
        static Field text(String label, Object value) {
            return new Field(label, value == null ? "—" : value.toString(), null, null);
        }

        static Field time(String label, Instant at) {
            return new Field(label, at == null ? "—" : null, When.of(at), null);
        }

        static Field status(String label, String status) {
            return new Field(label, status, null, ConsoleFormat.tone(status));
        }
    }

    record QrRow(String id, String provider, String registrationId, String merchant, String amount, String status,
                 String tone, When created) {
        static QrRow of(QrIntent q) {
            return new QrRow(q.id(), q.provider() == null ? "—" : q.provider().name(), q.registrationId(),
                    q.merchantId() == null ? "—" : q.merchantId(), ConsoleFormat.rupees(q.amount()), q.status().name(),
                    ConsoleFormat.tone(q.status().name()), When.of(q.createdAt()));
        }
    }

    static List<Field> qrFields(QrIntent q) {
        List<Field> f = new ArrayList<>();
        f.add(Field.text("Id", q.id()));
        f.add(Field.status("Status", q.status().name()));
        f.add(Field.text("Merchant", q.merchantId()));
        f.add(Field.text("Registration id", q.registrationId()));
        f.add(Field.text("Provider", q.provider()));
        f.add(Field.text("Provider reference", q.providerReference()));
        f.add(Field.text("Amount", q.amount() == null ? "any amount" : ConsoleFormat.rupees(q.amount())));
        f.add(Field.text("Usage", q.usage().wire()));
        f.add(Field.text("Description", q.description()));
        f.add(Field.text("UPI intent", q.upiIntent()));
        f.add(Field.text("Provider image URL", q.imageUrl()));
        f.add(Field.time("Created", q.createdAt()));
        f.add(Field.time("Expires", q.expiry() == null ? null : q.expiry().at()));
        f.add(Field.time("Closed", q.closedAt()));
        f.add(Field.text("Close reason", q.closeReason()));
        f.add(Field.text("Failure reason", q.failureReason()));
        f.add(Field.text("Payments", q.paymentsCount()));
        f.add(Field.text("Payments total", ConsoleFormat.rupeesOfPaise(q.paymentsTotalPaise())));
        f.add(Field.text("Version", q.version()));
        return f;
    }

    record EventRow(String from, String to, String tone, When at, String reason, String source) {
        static EventRow of(StateChange c) {
            return new EventRow(c.from() == null ? "created" : c.from(), c.to(), ConsoleFormat.tone(c.to()), When.of(c.at()),
                    c.reason() == null ? "" : c.reason(), c.source());
        }
    }

    record AttemptRow(String provider, String outcome, String tone, When at, String detail) {
        static AttemptRow of(ProviderAttempt a) {
            String tone = a.outcome().endsWith("accepted") ? "good" : a.outcome().contains("unknown") ? "warn" : "bad";
            return new AttemptRow(a.provider().name(), a.outcome(), tone, When.of(a.at()), a.detail() == null ? "" : a.detail());
        }
    }

    record PaymentRow(long id, String provider, String paymentId, String qrId, String amount, String upiReference,
                      When received, String status, String tone, String flagReason, boolean waiting,
                      String resolvedBy, When resolvedAt, String note) {
        static PaymentRow of(QrPayment p) {
            QrPayment.Resolution r = p.resolution();
            String shown = r != null ? "resolved" : p.held() ? "held" : p.status();
            return new PaymentRow(p.id(), p.provider().name(), p.paymentId(), p.qrId(), ConsoleFormat.rupees(p.amount()),
                    p.upiReference() == null ? "—" : p.upiReference(), When.of(p.receivedAt()), shown,
                    ConsoleFormat.tone(shown), p.flagReason() == null ? "" : p.flagReason(), p.isWaiting(),
                    r == null ? null : r.by(), r == null ? null : When.of(r.at()), r == null ? null : r.note());
        }
    }

    record OtpRow(String id, String registrationId, String remitterMobile, String beneficiaryId, String transferType,
                  String amount, String status, String tone, When created, String merchant) {
        static OtpRow of(TransferOtpRecord o) {
            return new OtpRow(o.id(), o.registrationId(), o.remitterMobileMasked(), o.beneficiaryId(), o.transferType(),
                    ConsoleFormat.rupees(Money.ofPaise(o.amountPaise())), o.status(), ConsoleFormat.tone(o.status()),
                    When.of(o.createdAt()), o.merchantId() == null ? "—" : o.merchantId());
        }
    }

    static List<Field> otpFields(TransferOtpRecord o) {
        List<Field> f = new ArrayList<>();
        f.add(Field.text("Id", o.id()));
        f.add(Field.status("Status", o.status()));
        f.add(Field.text("Merchant", o.merchantId()));
        f.add(Field.text("Registration id", o.registrationId()));
        f.add(Field.text("Remitter mobile (masked)", o.remitterMobileMasked()));
        f.add(Field.text("Beneficiary id", o.beneficiaryId()));
        f.add(Field.text("Transfer type", o.transferType()));
        f.add(Field.text("Amount", ConsoleFormat.rupees(Money.ofPaise(o.amountPaise()))));
        f.add(Field.text("Provider state", o.providerState()));
        f.add(Field.time("Created", o.createdAt()));
        f.add(Field.time("Sent", o.sentAt()));
        f.add(Field.time("Expires", o.expiresAt()));
        f.add(Field.text("Failure reason", o.failureReason()));
        return f;
    }
}
