package io.payorch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One request to collect money through a dynamic UPI QR, and everything that became of it.
 *
 * <p>Every change goes through a method that checks the transition and records a
 * {@link StateChange}; the recorded changes not yet saved are handed to the repository through
 * {@link #pendingChanges()}.
 */
public final class QrIntent {

    private final String id;
    private final String registrationId;
    private final Money amount;
    private final QrUsage usage;
    private final String description;
    private final Instant createdAt;
    private long version;
    private Provider provider;
    private QrStatus status;
    private String providerReference;
    private String upiIntent;
    private String imageUrl;
    private Expiry expiry;
    private Instant closedAt;
    private String closeReason;
    private String failureReason;
    private long paymentsCount;
    private long paymentsTotalPaise;
    private final List<StateChange> pending = new ArrayList<>();

    private QrIntent(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.registrationId = Objects.requireNonNull(s.registrationId(), "registrationId");
        this.amount = s.amount();
        this.usage = Objects.requireNonNull(s.usage(), "usage");
        this.description = s.description();
        this.createdAt = Objects.requireNonNull(s.createdAt(), "createdAt");
        this.version = s.version();
        this.provider = s.provider();
        this.status = Objects.requireNonNull(s.status(), "status");
        this.providerReference = s.providerReference();
        this.upiIntent = s.upiIntent();
        this.imageUrl = s.imageUrl();
        this.expiry = s.expiresAt() == null ? null : new Expiry(s.expiresAt());
        this.closedAt = s.closedAt();
        this.closeReason = s.closeReason();
        this.failureReason = s.failureReason();
        this.paymentsCount = s.paymentsCount();
        this.paymentsTotalPaise = s.paymentsTotalPaise();
    }

    /** A new intent, recorded before any provider is called. */
    public static QrIntent open(String id, String registrationId, Money amount, QrUsage usage,
                                String description, Provider provider, Instant now) {
        if (usage == QrUsage.SINGLE_USE && amount == null) {
            throw new DomainException("amount", "is required for a single_use QR");
        }
        QrIntent qr = new QrIntent(new Snapshot(id, registrationId, amount, usage, description, now, 0,
                provider, QrStatus.PENDING, null, null, null, null, null, null, null, 0, 0));
        qr.pending.add(new StateChange(null, QrStatus.PENDING.name(), now, "created", "api"));
        return qr;
    }

    /** Rebuilds an intent from storage; records nothing. */
    public static QrIntent restore(Snapshot snapshot) {
        return new QrIntent(snapshot);
    }

    /** The provider returned a usable QR. */
    public void activate(ProviderQr issued, Instant now, String source) {
        move(QrStatus.ACTIVE, now, "provider accepted", source);
        this.provider = issued.provider();
        this.providerReference = issued.providerReference();
        this.upiIntent = issued.upiIntent();
        this.imageUrl = issued.imageUrl();
        this.expiry = issued.expiresAt() == null ? null : new Expiry(issued.expiresAt());
    }

    /** The provider that will be (or was) asked; changes only while the outcome is open. */
    public void routeTo(Provider next) {
        if (status != QrStatus.PENDING) {
            throw new IllegalTransitionException("QR", status, QrStatus.PENDING);
        }
        this.provider = next;
    }

    public void fail(String reason, Instant now, String source) {
        move(QrStatus.FAILED, now, reason, source);
        this.failureReason = reason;
    }

    public void markUnknown(String reason, Instant now, String source) {
        move(QrStatus.UNKNOWN, now, reason, source);
        this.failureReason = reason;
    }

    public void expire(Instant now, String source) {
        move(QrStatus.EXPIRED, now, expiry == null ? "expired" : "expired at " + expiry.at(), source);
    }

    public void close(String reason, Instant now, String source) {
        move(QrStatus.CLOSED, now, reason, source);
        this.closedAt = now;
        this.closeReason = reason;
    }

    /**
     * Applies a payment. A single-use QR becomes {@code PAID}; a multiple-use QR adds to its count
     * and total and stays {@code ACTIVE}. Only an {@code ACTIVE} QR takes payments.
     */
    public void recordPayment(Money paid, Instant now, String source) {
        if (status != QrStatus.ACTIVE) {
            throw new IllegalTransitionException("QR", status, QrStatus.PAID);
        }
        paymentsCount++;
        paymentsTotalPaise = Math.addExact(paymentsTotalPaise, paid.paise());
        if (usage == QrUsage.SINGLE_USE) {
            move(QrStatus.PAID, now, "payment of " + paid.toDecimalString(), source);
        } else {
            pending.add(new StateChange(status.name(), status.name(), now,
                    "payment of " + paid.toDecimalString(), source));
        }
    }

    /** Whether the sweep should expire it now. */
    public boolean isDueForExpiry(Instant now) {
        return status == QrStatus.ACTIVE && expiry != null && expiry.isDueAt(now);
    }

    private void move(QrStatus next, Instant now, String reason, String source) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException("QR", status, next);
        }
        pending.add(new StateChange(status.name(), next.name(), now, reason, source));
        status = next;
    }

    /** Changes recorded since the intent was loaded or last saved, oldest first. */
    public List<StateChange> pendingChanges() {
        return Collections.unmodifiableList(pending);
    }

    /** The repository saved the state and pending changes under a new row version. */
    public void markSaved(long newVersion) {
        this.version = newVersion;
        pending.clear();
    }

    public Snapshot snapshot() {
        return new Snapshot(id, registrationId, amount, usage, description, createdAt, version, provider,
                status, providerReference, upiIntent, imageUrl, expiry == null ? null : expiry.at(), closedAt,
                closeReason, failureReason, paymentsCount, paymentsTotalPaise);
    }

    public String id() { return id; }
    public String registrationId() { return registrationId; }
    public Money amount() { return amount; }
    public QrUsage usage() { return usage; }
    public String description() { return description; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public Provider provider() { return provider; }
    public QrStatus status() { return status; }
    public String providerReference() { return providerReference; }
    public String upiIntent() { return upiIntent; }
    public String imageUrl() { return imageUrl; }
    public Expiry expiry() { return expiry; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
    public String failureReason() { return failureReason; }
    public long paymentsCount() { return paymentsCount; }
    public long paymentsTotalPaise() { return paymentsTotalPaise; }

    /** Every stored field of an intent; what persistence reads and writes. */
    public record Snapshot(String id, String registrationId, Money amount, QrUsage usage, String description,
                           Instant createdAt, long version, Provider provider, QrStatus status,
                           String providerReference, String upiIntent, String imageUrl, Instant expiresAt,
                           Instant closedAt, String closeReason, String failureReason, long paymentsCount,
                           long paymentsTotalPaise) {
    }
}
