package io.payorch.application.service;

import io.payorch.application.port.out.NotificationStore;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Received events and payments in memory, with the PostgreSQL store's uniqueness (event id, payment id per provider). */
final class InMemoryNotificationStore implements NotificationStore, InMemoryTransactions.Participant {

    /** What became of a claimed event. */
    record Event(String eventType, Instant receivedAt, String outcome, String qrId, String detail) {
    }

    private final InMemoryQrStore qrs;
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, PaymentRecord> payments = new LinkedHashMap<>();

    InMemoryNotificationStore(InMemoryQrStore qrs) {
        this.qrs = qrs;
    }

    private static String key(Provider provider, String id) {
        return provider + "/" + id;
    }

    @Override
    public boolean claimEvent(Provider provider, String eventId, String eventType, Instant receivedAt) {
        return events.putIfAbsent(key(provider, eventId), new Event(eventType, receivedAt, null, null, null)) == null;
    }

    @Override
    public void completeEvent(Provider provider, String eventId, String outcome, String qrId, String detail) {
        events.computeIfPresent(key(provider, eventId), (k, e) -> new Event(e.eventType(), e.receivedAt(), outcome,
                qrId, detail));
    }

    @Override
    public boolean recordPayment(PaymentRecord payment) {
        return payments.putIfAbsent(key(payment.provider(), payment.paymentId()), payment) == null;
    }

    @Override
    public List<PaymentRecord> heldFor(String qrId) {
        return payments.values().stream()
                .filter(p -> qrId.equals(p.qrId()) && p.held())
                .sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt()))
                .toList();
    }

    @Override
    public void resolveHeld(Provider provider, String paymentId, String status, String flagReason) {
        payments.computeIfPresent(key(provider, paymentId), (k, p) -> new PaymentRecord(p.provider(), p.paymentId(),
                p.qrId(), p.amount(), p.upiReference(), p.eventId(), p.receivedAt(), status, flagReason, false));
    }

    @Override
    public Optional<QrIntent> findByProviderReference(Provider provider, String reference) {
        return qrs.findByProviderReference(provider, reference);
    }

    List<PaymentRecord> payments() {
        return new ArrayList<>(payments.values());
    }

    Optional<Event> event(Provider provider, String eventId) {
        return Optional.ofNullable(events.get(key(provider, eventId)));
    }

    @Override
    public Runnable checkpoint() {
        Map<String, Event> savedEvents = new HashMap<>(events);
        Map<String, PaymentRecord> savedPayments = new LinkedHashMap<>(payments);
        return () -> {
            events.clear();
            events.putAll(savedEvents);
            payments.clear();
            payments.putAll(savedPayments);
        };
    }
}
