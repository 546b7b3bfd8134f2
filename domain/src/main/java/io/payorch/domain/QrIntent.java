package io.payorch.domain;

import java.time.Instant;
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
    private final String merchantId;
    private final String registrationId;
    private final Money amount;
    private final QrUsage usage;
    private final String description;
    private final Instant createdAt;
    private Provider provider;
    private String providerReference;
    private String upiIntent;
    private String imageUrl;
    private Expiry expiry;
    private Instant closedAt;
    private String closeReason;
    private String failureReason;
    private long paymentsCount;
    private long paymentsTotalPaise;
    private final StateLog<QrStatus> log;

    private QrIntent(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.merchantId = s.merchantId();
        this.registrationId = Objects.requireNonNull(s.registrationId(), "registrationId");
        this.amount = s.amount();
        this.usage = Objects.requireNonNull(s.usage(), "usage");
        this.description = s.description();
        this.createdAt = Objects.requireNonNull(s.createdAt(), "createdAt");
        this.provider = s.provider();
        this.log = new StateLog<>("QR", Objects.requireNonNull(s.status(), "status"), s.version());
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

    /** A new intent of merchant {@code merchantId}, recorded before any provider is called. */
    public static QrIntent open(String id, String merchantId, String registrationId, Money amount, QrUsage usage,
                                String description, Provider provider, Instant now) {
        Objects.requireNonNull(merchantId, "merchantId");
        if (usage == QrUsage.SINGLE_USE && amount == null) {
            throw new DomainException("amount", "is required for a single_use QR");
        }
        QrIntent qr = new QrIntent(new Snapshot(id, registrationId, amount, usage, description, now, 0,
                provider, QrStatus.PENDING, null, null, null, null, null, null, null, 0, 0, merchantId));
        qr.log.created(now, Actor.merchant(merchantId).source());
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
        log.require(QrStatus.PENDING, QrStatus.PENDING);
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
        log.require(QrStatus.ACTIVE, QrStatus.PAID);
        paymentsCount++;
        paymentsTotalPaise = Math.addExact(paymentsTotalPaise, paid.paise());
        if (usage == QrUsage.SINGLE_USE) {
            move(QrStatus.PAID, now, "payment of " + paid.toDecimalString(), source);
        } else {
            log.note(now, "payment of " + paid.toDecimalString(), source);
        }
    }

    /** Whether the sweep should expire it now. */
    public boolean isDueForExpiry(Instant now) {
        return log.status() == QrStatus.ACTIVE && expiry != null && expiry.isDueAt(now);
    }

    private void move(QrStatus next, Instant now, String reason, String source) {
        log.move(next, now, reason, source);
    }

    /** Changes recorded since the intent was loaded or last saved, oldest first. */
    public List<StateChange> pendingChanges() {
        return log.pending();
    }

    /** The repository saved the state and pending changes under a new row version. */
    public void markSaved(long newVersion) {
        log.saved(newVersion);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, registrationId, amount, usage, description, createdAt, log.version(), provider,
                log.status(), providerReference, upiIntent, imageUrl, expiry == null ? null : expiry.at(), closedAt,
                closeReason, failureReason, paymentsCount, paymentsTotalPaise, merchantId);
    }

    /**
     * Whether merchant {@code clientId} owns it. A QR recorded before merchants owned their QRs
     * has no owner and belongs to no merchant (admins still see it).
     */
    public boolean isOwnedBy(String clientId) {
        return merchantId != null && merchantId.equals(clientId);
    }

    public String id() { return id; }
    /** The merchant client that created it; null for a QR recorded before ownership existed. */
    public String merchantId() { return merchantId; }
    public String registrationId() { return registrationId; }
    public Money amount() { return amount; }
    public QrUsage usage() { return usage; }
    public String description() { return description; }
    public Instant createdAt() { return createdAt; }
    public long version() { return log.version(); }
    public Provider provider() { return provider; }
    public QrStatus status() { return log.status(); }
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
                           long paymentsTotalPaise, String merchantId) {
    }
}
