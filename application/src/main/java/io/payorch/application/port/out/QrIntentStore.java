package io.payorch.application.port.out;

import io.payorch.application.ProviderAttempt;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;

import java.util.List;
import java.util.Optional;

/** Where QR intents, their history and their provider attempts are kept. */
public interface QrIntentStore {

    /** Stores a new intent with its pending changes, in one transaction. */
    void insert(QrIntent intent);

    /**
     * Saves the intent's state and pending changes if nobody changed it since it was read;
     * otherwise throws {@link io.payorch.application.ConcurrentUpdateException}.
     */
    void update(QrIntent intent);

    Optional<QrIntent> findById(String id);

    void recordAttempt(String qrId, ProviderAttempt attempt);

    /**
     * Saves the intent as {@link #update(QrIntent)} does and records the provider attempt that
     * decided it, in the same transaction.
     */
    default void update(QrIntent intent, ProviderAttempt decidingAttempt) {
        recordAttempt(intent.id(), decidingAttempt);
        update(intent);
    }

    List<StateChange> history(String qrId);

    List<ProviderAttempt> attempts(String qrId);
}
