package io.payorch.application.service;

import io.payorch.application.idempotency.StoredResponse;
import io.payorch.application.idempotency.IdempotencyKey;
import io.payorch.application.idempotency.IdempotencyDecision;
import io.payorch.application.port.in.IdempotentRequestsUseCase;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.IdempotencyStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Idempotency keys over an {@link IdempotencyStore}. A record is kept for {@code retention}
 * (at least 24 hours); a claim whose holder has not finished within {@code takeoverAfter} is
 * presumed dead (the instance crashed) and may be taken over by a retry.
 */
public final class IdempotencyService implements IdempotentRequestsUseCase {

    private static final int ATTEMPTS = 5;

    private final IdempotencyStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration retention;
    private final Duration takeoverAfter;

    public IdempotencyService(IdempotencyStore store, IdGenerator ids, Clock clock, Duration retention,
                              Duration takeoverAfter) {
        this.store = Objects.requireNonNull(store);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("idempotency retention must be at least 24 hours");
        }
        if (takeoverAfter.isNegative() || takeoverAfter.isZero()) {
            throw new IllegalArgumentException("idempotency takeover time must be positive");
        }
        this.retention = retention;
        this.takeoverAfter = takeoverAfter;
    }

    @Override
    public IdempotencyDecision begin(IdempotencyKey key, String requestHash) {
        String token = ids.newId("idem");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            if (store.insertClaim(key, requestHash, token, now, now.plus(retention))) {
                return new IdempotencyDecision.Proceed(token);
            }
            Optional<IdempotencyStore.Existing> found = store.find(key);
            if (found.isEmpty()) {
                continue; // released between our insert and our read: try to claim again
            }
            IdempotencyStore.Existing existing = found.get();
            boolean expired = !existing.expiresAt().isAfter(now);
            if (!expired && !existing.requestHash().equals(requestHash)) {
                return new IdempotencyDecision.Mismatch();
            }
            if (!expired && existing.response().isPresent()) {
                return new IdempotencyDecision.Replay(existing.response().get());
            }
            boolean abandoned = existing.response().isEmpty() && !existing.claimedAt().plus(takeoverAfter).isAfter(now);
            if (!expired && !abandoned) {
                return new IdempotencyDecision.InFlight();
            }
            if (store.takeOver(key, existing.claimToken(), requestHash, token, now, now.plus(retention))) {
                return new IdempotencyDecision.Proceed(token);
            }
        }
        return new IdempotencyDecision.InFlight();
    }

    @Override
    public void finish(IdempotencyKey key, String token, StoredResponse response) {
        store.complete(key, token, response, clock.instant());
    }

    @Override
    public void abandon(IdempotencyKey key, String token) {
        store.release(key, token);
    }

    @Override
    public int purgeExpired() {
        return store.purgeExpired(clock.instant());
    }
}
