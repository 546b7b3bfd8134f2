package io.payorch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One "transaction send OTP" request of a domestic money transfer. The OTP is valid for 90 seconds
 * from the moment the provider confirmed sending it. Personal data beyond the masked mobile is
 * never part of this object: it is passed to the provider and forgotten.
 */
public final class TransferOtp extends Lifecycle<TransferOtpStatus> {

    public static final Duration OTP_VALIDITY = Duration.ofSeconds(90);
    private static final Pattern MASKED_MOBILE = Pattern.compile("\\d{0,2}X{4,}\\d{0,2}");

    private final String remitterMobileMasked;
    private final String remitterMobileHash;
    private final String beneficiaryId;
    private final TransferType transferType;
    private final Money amount;
    private String providerState;
    private Instant sentAt;
    private Expiry expiry;

    private TransferOtp(Snapshot s) {
        super("transfer OTP", s.id(), s.merchantId(), s.registrationId(), s.createdAt(), s.status(), s.version(),
                s.failureReason(), TransferOtpStatus.FAILED, TransferOtpStatus.UNKNOWN);
        this.remitterMobileMasked = Objects.requireNonNull(s.remitterMobileMasked(), "remitterMobileMasked");
        if (!MASKED_MOBILE.matcher(remitterMobileMasked).matches()) {
            // the full number is personal data: this object must never be able to carry it
            throw new IllegalArgumentException("remitterMobileMasked must be masked, e.g. 98XXXXXX10");
        }
        this.remitterMobileHash = s.remitterMobileHash();
        this.beneficiaryId = Objects.requireNonNull(s.beneficiaryId(), "beneficiaryId");
        this.transferType = Objects.requireNonNull(s.transferType(), "transferType");
        this.amount = Objects.requireNonNull(s.amount(), "amount");
        this.providerState = s.providerState();
        this.sentAt = s.sentAt();
        this.expiry = s.expiresAt() == null ? null : new Expiry(s.expiresAt());
    }

    /** A new OTP request of merchant {@code merchantId}, recorded before the provider is called. */
    public static TransferOtp open(String id, String merchantId, String registrationId, String remitterMobileMasked,
                                   String remitterMobileHash, String beneficiaryId, TransferType transferType,
                                   Money amount, Instant now) {
        TransferOtp otp = new TransferOtp(new Snapshot(id, registrationId, remitterMobileMasked, remitterMobileHash,
                beneficiaryId, transferType, amount, now, 0, TransferOtpStatus.PENDING, null, null, null, null,
                merchantId));
        otp.recordCreation(now);
        return otp;
    }

    public static TransferOtp restore(Snapshot snapshot) {
        return new TransferOtp(snapshot);
    }

    /** The provider sent the OTP; it expires {@link #OTP_VALIDITY} later. */
    public void otpSent(String providerState, Instant now, String source) {
        sent(TransferOtpStatus.OTP_SENT, providerState, now, "OTP sent", source);
    }

    /** The remitter is not registered; the provider sent an OTP for registration instead. */
    public void registrationOtpSent(String providerState, Instant now, String source) {
        sent(TransferOtpStatus.REGISTRATION_OTP_SENT, providerState, now,
                "remitter not registered, registration OTP sent", source);
    }

    private void sent(TransferOtpStatus next, String providerState, Instant now, String reason, String source) {
        move(next, now, reason, source);
        this.providerState = providerState;
        this.sentAt = now;
        this.expiry = Expiry.after(now, OTP_VALIDITY);
    }

    public void expire(Instant now, String source) {
        move(TransferOtpStatus.EXPIRED, now, "OTP validity of 90 s passed", source);
    }

    public boolean isDueForExpiry(Instant now) {
        return status().isSent() && expiry != null && expiry.isDueAt(now);
    }

    public Snapshot snapshot() {
        return new Snapshot(id(), registrationId(), remitterMobileMasked, remitterMobileHash, beneficiaryId,
                transferType, amount, createdAt(), version(), status(), providerState, sentAt,
                expiry == null ? null : expiry.at(), failureReason(), merchantId());
    }

    public String remitterMobileMasked() { return remitterMobileMasked; }
    public String remitterMobileHash() { return remitterMobileHash; }
    public String beneficiaryId() { return beneficiaryId; }
    public TransferType transferType() { return transferType; }
    public Money amount() { return amount; }
    public String providerState() { return providerState; }
    public Instant sentAt() { return sentAt; }
    public Expiry expiry() { return expiry; }

    public record Snapshot(String id, String registrationId, String remitterMobileMasked, String remitterMobileHash,
                           String beneficiaryId, TransferType transferType, Money amount, Instant createdAt,
                           long version, TransferOtpStatus status, String providerState, Instant sentAt,
                           Instant expiresAt, String failureReason, String merchantId) {
    }
}
