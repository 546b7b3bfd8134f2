package io.payorch.application.service;

import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.port.in.ReceiveNotificationUseCase;
import io.payorch.application.port.out.JsonObjectParser;
import io.payorch.application.port.out.NotificationStore;
import io.payorch.application.port.out.NotificationStore.PaymentRecord;
import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.TransactionRunner;
import io.payorch.application.webhook.InboundNotification;
import io.payorch.application.webhook.NotificationReceipt;
import io.payorch.application.webhook.NotificationReceipt.Outcome;
import io.payorch.application.webhook.ProviderNotification;
import io.payorch.domain.DomainException;
import io.payorch.domain.Actor;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies payment notifications. The signature is checked over the raw bytes before anything is
 * read; then, in one transaction, the event id is claimed (a duplicate stops here), the QR is
 * found and the payment or close applied, or recorded and flagged where applying it would be
 * wrong. A concurrent change of the same QR rolls the transaction back and it is tried again.
 */
public final class NotificationService implements ReceiveNotificationUseCase, HeldPaymentReplay {

    private static final int ATTEMPTS = 5;

    private final Map<Provider, ProviderNotificationPort> readers = new EnumMap<>(Provider.class);
    private final JsonObjectParser parser;
    private final TransactionRunner transactions;
    private final NotificationStore notifications;
    private final QrIntentStore qrs;
    private final Clock clock;
    private final LifecycleCounters counters;

    /**
     * @param readers each provider's notifications as its adapter reads them (signature, payload); a
     *                provider without one accepts no notification
     */
    public NotificationService(List<ProviderNotificationPort> readers, JsonObjectParser parser,
                               TransactionRunner transactions, NotificationStore notifications, QrIntentStore qrs,
                               Clock clock, LifecycleCounters counters) {
        readers.forEach(reader -> this.readers.put(reader.provider(), reader));
        this.parser = parser;
        this.transactions = transactions;
        this.notifications = notifications;
        this.qrs = qrs;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public NotificationReceipt receive(InboundNotification inbound) {
        Provider provider = inbound.provider();
        ProviderNotificationPort reader = readers.get(provider);
        if (reader == null || !reader.verify(inbound.body(), inbound.signature())) {
            return count(provider, new NotificationReceipt(Outcome.UNAUTHORIZED, null, "signature missing or wrong"));
        }
        Optional<Map<String, Object>> body = parser.parseObject(inbound.body());
        if (body.isEmpty()) {
            return count(provider, new NotificationReceipt(Outcome.MALFORMED, null, "body is not a JSON object"));
        }
        ProviderNotification notification;
        try {
            notification = reader.read(body.get(), inbound.eventIdHeader());
        } catch (DomainException e) {
            String field = e.field() == null ? "" : e.field() + " ";
            return count(provider, new NotificationReceipt(Outcome.MALFORMED, null, field + e.getMessage(), e.field()));
        }
        return count(provider, retryingConflicts(() -> apply(notification)));
    }

    /**
     * Applies the payments that arrived while the QR's outcome was open, now that it is
     * {@code ACTIVE}; each is applied or flagged again with the reason that now holds.
     */
    @Override
    public int replayHeld(String qrId) {
        return retryingConflicts(() -> replay(qrId));
    }

    /**
     * Runs {@code work} in a transaction, again (up to {@value #ATTEMPTS} times in all) when a
     * concurrent change of the same QR rolled it back.
     */
    private <T> T retryingConflicts(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private int replay(String qrId) {
        Optional<QrIntent> found = qrs.findById(qrId);
        List<PaymentRecord> held = notifications.heldFor(qrId);
        if (found.isEmpty() || held.isEmpty()) {
            return 0;
        }
        QrIntent qr = found.get();
        int applied = 0;
        for (PaymentRecord p : held) {
            Optional<String> flag = whyNotApplicable(qr, new ProviderNotification.Payment(p.paymentId(), p.amount(),
                    p.upiReference()));
            if (flag.isPresent()) {
                notifications.resolveHeld(p.provider(), p.paymentId(), Outcome.FLAGGED.label(), flag.get());
            } else {
                qr.recordPayment(p.amount(), clock.instant(), Actor.provider(p.provider()).source());
                notifications.resolveHeld(p.provider(), p.paymentId(), Outcome.APPLIED.label(), null);
                applied++;
            }
        }
        if (applied > 0) {
            qrs.update(qr);
        }
        return applied;
    }

    private NotificationReceipt apply(ProviderNotification n) {
        Instant now = clock.instant();
        if (!notifications.claimEvent(n.provider(), n.eventId(), n.eventType(), now)) {
            return new NotificationReceipt(Outcome.DUPLICATE, null, "event " + n.eventId() + " already received");
        }
        Optional<QrIntent> qr = find(n);
        NotificationReceipt receipt = switch (n.type()) {
            case PAYMENT -> applyPayment(n, qr, now);
            case CLOSED -> applyClose(n, qr, now);
            case OTHER -> new NotificationReceipt(Outcome.IGNORED, qr.map(QrIntent::id).orElse(null),
                    "event " + n.eventType() + " is not acted on");
        };
        notifications.completeEvent(n.provider(), n.eventId(), receipt.outcome().label(), receipt.qrId(),
                receipt.detail());
        return receipt;
    }

    private Optional<QrIntent> find(ProviderNotification n) {
        if (n.qrId() != null) {
            Optional<QrIntent> byId = qrs.findById(n.qrId()).filter(q -> q.provider() == n.provider());
            if (byId.isPresent()) {
                return byId;
            }
        }
        for (String reference : n.providerReferences()) {
            Optional<QrIntent> byReference = notifications.findByProviderReference(n.provider(), reference);
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        return Optional.empty();
    }

    private NotificationReceipt applyPayment(ProviderNotification n, Optional<QrIntent> found, Instant now) {
        ProviderNotification.Payment p = n.payment();
        if (found.isEmpty()) {
            return record(n, null, now, Outcome.UNMATCHED, "no QR matches " + String.join(", ", n.providerReferences()));
        }
        QrIntent qr = found.get();
        Optional<String> flag = whyNotApplicable(qr, p);
        if (flag.isPresent()) {
            return record(n, qr, now, Outcome.FLAGGED, flag.get());
        }
        NotificationReceipt receipt = record(n, qr, now, Outcome.APPLIED, null);
        if (receipt.outcome() == Outcome.APPLIED) {
            qr.recordPayment(p.amount(), now, Actor.provider(n.provider()).source());
            qrs.update(qr);
        }
        return receipt;
    }

    /** Why this payment must not change the QR, for operations; empty when it can be applied. */
    private static Optional<String> whyNotApplicable(QrIntent qr, ProviderNotification.Payment p) {
        if (qr.status() != QrStatus.ACTIVE) {
            return Optional.of("qr_" + qr.status().name().toLowerCase(Locale.ROOT) + ": payment for a QR that is "
                    + qr.status());
        }
        if (qr.amount() != null && !qr.amount().equals(p.amount())) {
            return Optional.of("amount_mismatch: QR asks " + qr.amount().toDecimalString() + ", paid "
                    + p.amount().toDecimalString());
        }
        return Optional.empty();
    }

    private NotificationReceipt record(ProviderNotification n, QrIntent qr, Instant now, Outcome outcome,
                                       String reason) {
        ProviderNotification.Payment p = n.payment();
        String qrId = qr == null ? null : qr.id();
        boolean held = qr != null && (qr.status() == QrStatus.PENDING || qr.status() == QrStatus.UNKNOWN);
        boolean stored = notifications.recordPayment(new PaymentRecord(n.provider(), p.paymentId(), qrId, p.amount(),
                p.upiReference(), n.eventId(), now, outcome.label(), reason, held));
        if (!stored) {
            return new NotificationReceipt(Outcome.DUPLICATE, qrId, "payment " + p.paymentId() + " already recorded");
        }
        String detail = reason != null ? reason : "payment " + p.paymentId() + " of " + p.amount().toDecimalString();
        return new NotificationReceipt(outcome, qrId, detail);
    }

    private NotificationReceipt applyClose(ProviderNotification n, Optional<QrIntent> found, Instant now) {
        if (found.isEmpty()) {
            return new NotificationReceipt(Outcome.UNMATCHED, null,
                    "no QR matches " + String.join(", ", n.providerReferences()));
        }
        QrIntent qr = found.get();
        if (qr.status().isFinal()) {
            return new NotificationReceipt(Outcome.IGNORED, qr.id(), "QR already " + qr.status());
        }
        if (qr.status() != QrStatus.ACTIVE) {
            return new NotificationReceipt(Outcome.FLAGGED, qr.id(), "closed at the provider while " + qr.status());
        }
        if ("paid".equals(n.closeReason()) && qr.usage() == QrUsage.SINGLE_USE) {
            // the payment's own notification makes it PAID; closing first would refuse that payment
            return new NotificationReceipt(Outcome.IGNORED, qr.id(), "closed as paid: awaiting the payment notification");
        }
        qr.close(n.closeReason(), now, Actor.provider(n.provider()).source());
        qrs.update(qr);
        return new NotificationReceipt(Outcome.APPLIED, qr.id(), "closed: " + n.closeReason());
    }

    private NotificationReceipt count(Provider provider, NotificationReceipt receipt) {
        counters.increment(LifecycleCounters.NOTIFICATION, provider.name(), receipt.outcome().label());
        return receipt;
    }
}
