package io.payorch.application.port.in;

import io.payorch.application.idempotency.IdempotencyDecision;
import io.payorch.application.idempotency.IdempotencyKey;
import io.payorch.application.idempotency.StoredResponse;

/**
 * Makes a non-idempotent operation safe to retry: the first request with a key runs, the others
 * get its stored answer, a different request under the same key is refused.
 */
public interface IdempotentRequestsUseCase {

    /** @param requestHash a digest of the canonical request body */
    IdempotencyDecision begin(IdempotencyKey key, String requestHash);

    /** Remembers the answer of the request that held the key. */
    void finish(IdempotencyKey key, String token, StoredResponse response);

    /** Forgets the claim: the request did nothing worth remembering (e.g. it was invalid). */
    void abandon(IdempotencyKey key, String token);

    /** Deletes records past their retention; answers how many. */
    int purgeExpired();
}
