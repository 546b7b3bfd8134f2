package io.payorch.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every aggregate with a lifecycle shares: its id, the merchant that owns it, its state log
 * (current state, row version, the transitions not yet saved) and the two ways a provider call can
 * leave it without what was asked: failed (definitive) and unknown (it may have happened), each
 * with its reason.
 *
 * @param <S> the aggregate's states
 */
public abstract sealed class Lifecycle<S extends Enum<S> & LifecycleState<S>> permits QrIntent, TransferOtp {

    private final String id;
    private final String merchantId;
    private final String registrationId;
    private final Instant createdAt;
    private final StateLog<S> log;
    private final S failed;
    private final S unknown;
    private String failureReason;

    /**
     * @param entity  how refusals name the aggregate ("QR", "transfer OTP")
     * @param failed  its state for a definitive failure
     * @param unknown its state for an outcome that is not known
     */
    Lifecycle(String entity, String id, String merchantId, String registrationId, Instant createdAt, S status,
              long version, String failureReason, S failed, S unknown) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = merchantId;
        this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.log = new StateLog<>(entity, Objects.requireNonNull(status, "status"), version);
        this.failureReason = failureReason;
        this.failed = failed;
        this.unknown = unknown;
    }

    /** Records the creation event of a new aggregate, made by its merchant. */
    final void recordCreation(Instant now) {
        log.created(now, Actor.merchant(Objects.requireNonNull(merchantId, "merchantId")).source());
    }

    /** The provider said no, or could not be reached: final. */
    public void fail(String reason, Instant now, String source) {
        move(failed, now, reason, source);
        this.failureReason = reason;
    }

    /** The provider's answer is not known (timeout, 5xx, unreadable): it may have happened. */
    public void markUnknown(String reason, Instant now, String source) {
        move(unknown, now, reason, source);
        this.failureReason = reason;
    }

    /** Moves to {@code next} if the lifecycle allows it, recording the change; refuses otherwise. */
    final void move(S next, Instant now, String reason, String source) {
        log.move(next, now, reason, source);
    }

    final StateLog<S> log() {
        return log;
    }

    /** Changes recorded since it was loaded or last saved, oldest first. */
    public List<StateChange> pendingChanges() {
        return log.pending();
    }

    /** The repository saved the state and pending changes under a new row version. */
    public void markSaved(long newVersion) {
        log.saved(newVersion);
    }

    /**
     * Whether merchant {@code clientId} owns it. One recorded before merchants owned what they
     * create has no owner and belongs to no merchant (admins still see it).
     */
    public boolean isOwnedBy(String clientId) {
        return merchantId != null && merchantId.equals(clientId);
    }

    public String id() { return id; }
    /** The merchant client that created it; null for one recorded before ownership existed. */
    public String merchantId() { return merchantId; }
    public String registrationId() { return registrationId; }
    public Instant createdAt() { return createdAt; }
    public long version() { return log.version(); }
    public S status() { return log.status(); }
    public String failureReason() { return failureReason; }
}
