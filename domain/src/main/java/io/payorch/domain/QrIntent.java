package io.payorch.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One request to collect money through a dynamic UPI QR, and everything that became of it.
 *
 * <p>Every change goes through a method that checks the transition and records a
 * {@link StateChange}; the recorded changes not yet saved are handed to the repository through
 * {@link #pendingChanges()}.
 */
public final class QrIntent extends Lifecycle<QrStatus> {

    private final Money amount;
    private final QrUsage usage;
    private final String description;
    private Provider provider;
    private String providerReference;
    private String upiIntent;
    private String imageUrl;
    private Expiry expiry;
    private Instant closedAt;
    private String closeReason;
    private long paymentsCount;
    private long paymentsTotalPaise;

    private QrIntent(Snapshot s) {
        super("QR", s.id(), s.merchantId(), s.registrationId(), s.createdAt(), s.status(), s.version(),
                s.failureReason(), QrStatus.FAILED, QrStatus.UNKNOWN);
        this.amount = s.amount();
        this.usage = Objects.requireNonNull(s.usage(), "usage");
        this.description = s.description();
        this.provider = s.provider();
        this.providerReference = s.providerReference();
        this.upiIntent = s.upiIntent();
        this.imageUrl = s.imageUrl();
        this.expiry = s.expiresAt() == null ? null : new Expiry(s.expiresAt());
        this.closedAt = s.closedAt();
        this.closeReason = s.closeReason();
        this.paymentsCount = s.paymentsCount();
        this.paymentsTotalPaise = s.paymentsTotalPaise();
    }

    /** A new intent of merchant {@code merchantId}, recorded before any provider is called. */
    public static QrIntent open(String id, String merchantId, String registrationId, Money amount, QrUsage usage,
                                String description, Provider provider, Instant now) {
        if (usage == QrUsage.SINGLE_USE && amount == null) {
            throw new DomainException("amount", "is required for a single_use QR");
        }
        QrIntent qr = new QrIntent(new Snapshot(id, registrationId, amount, usage, description, now, 0,
                provider, QrStatus.PENDING, null, null, null, null, null, null, null, 0, 0, merchantId));
        qr.recordCreation(now);
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
        log().require(QrStatus.PENDING, QrStatus.PENDING);
        this.provider = next;
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
        log().require(QrStatus.ACTIVE, QrStatus.PAID);
        paymentsCount++;
        paymentsTotalPaise = Math.addExact(paymentsTotalPaise, paid.paise());
        if (usage == QrUsage.SINGLE_USE) {
            move(QrStatus.PAID, now, "payment of " + paid.toDecimalString(), source);
        } else {
            log().note(now, "payment of " + paid.toDecimalString(), source);
        }
    }

    /** Whether the sweep should expire it now. */
    public boolean isDueForExpiry(Instant now) {
        return status() == QrStatus.ACTIVE && expiry != null && expiry.isDueAt(now);
    }

    public Snapshot snapshot() {
        return new Snapshot(id(), registrationId(), amount, usage, description, createdAt(), version(), provider,
                status(), providerReference, upiIntent, imageUrl, expiry == null ? null : expiry.at(), closedAt,
                closeReason, failureReason(), paymentsCount, paymentsTotalPaise, merchantId());
    }

    public Money amount() { return amount; }
    public QrUsage usage() { return usage; }
    public String description() { return description; }
    public Provider provider() { return provider; }
    public String providerReference() { return providerReference; }
    public String upiIntent() { return upiIntent; }
    public String imageUrl() { return imageUrl; }
    public Expiry expiry() { return expiry; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
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
