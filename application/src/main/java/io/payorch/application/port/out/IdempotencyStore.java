package io.payorch.application.port.out;

import io.payorch.application.idempotency.IdempotencyKey;
import io.payorch.application.idempotency.StoredResponse;

import java.time.Instant;
import java.util.Optional;

/**
 * Where idempotency records live. Claiming must be one atomic step that is correct across any
 * number of instances (one {@code INSERT ... ON CONFLICT DO NOTHING}, or a guarded update).
 */
public interface IdempotencyStore {

    /** The record as it is now; the caller decides what it means. */
    record Existing(String requestHash, String claimToken, Instant claimedAt, Instant expiresAt,
                    Optional<StoredResponse> response) {
    }

    /** Inserts a new in-flight claim; false when a record for the key already exists. */
    boolean insertClaim(IdempotencyKey key, String requestHash, String token, Instant now, Instant expiresAt);

    Optional<Existing> find(IdempotencyKey key);

    /**
     * Replaces the record with a new in-flight claim, only if it still carries {@code previousToken}
     * (an expired record, or a claim whose holder died); false when someone else got there first.
     */
    boolean takeOver(IdempotencyKey key, String previousToken, String requestHash, String token, Instant now,
                     Instant expiresAt);

    /** Stores the answer under the claim; false when the claim was taken over meanwhile. */
    boolean complete(IdempotencyKey key, String token, StoredResponse response, Instant at);

    /** Deletes the claim (nothing to remember, e.g. the request was invalid). */
    void release(IdempotencyKey key, String token);

    /** Deletes records past their retention; answers how many. */
    int purgeExpired(Instant now);
}
