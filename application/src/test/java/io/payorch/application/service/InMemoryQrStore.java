package io.payorch.application.service;

import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A QR store in memory with the same optimistic locking contract as the PostgreSQL one. A test can
 * let another writer commit just before the next update ({@link #beforeNextUpdate}), and
 * {@link InMemoryTransactions} rolls its rows back when a transaction fails.
 */
final class InMemoryQrStore implements QrIntentStore, InMemoryTransactions.Participant {

    private final Map<String, QrIntent.Snapshot> rows = new HashMap<>();
    private final Map<String, List<StateChange>> events = new HashMap<>();
    private final Map<String, List<ProviderAttempt>> attempts = new HashMap<>();
    /** Runs once, just before the next update is checked: another instance's write that wins the race. */
    Runnable beforeNextUpdate;
    /** Undo steps of the transaction in progress, newest first; null outside one. */
    private Deque<Runnable> undo;

    @Override
    public void insert(QrIntent intent) {
        rememberForUndo(intent.id());
        events.computeIfAbsent(intent.id(), k -> new ArrayList<>()).addAll(intent.pendingChanges());
        intent.markSaved(intent.version());
        rows.put(intent.id(), intent.snapshot());
    }

    @Override
    public void update(QrIntent intent) {
        Runnable race = beforeNextUpdate;
        beforeNextUpdate = null;
        if (race != null) {
            Deque<Runnable> ours = undo;
            undo = null; // the other writer commits on its own: our rollback must not undo it
            try {
                race.run();
            } finally {
                undo = ours;
            }
        }
        QrIntent.Snapshot stored = rows.get(intent.id());
        if (stored == null || stored.version() != intent.version()) {
            throw new ConcurrentUpdateException("QR", intent.id());
        }
        rememberForUndo(intent.id());
        events.computeIfAbsent(intent.id(), k -> new ArrayList<>()).addAll(intent.pendingChanges());
        intent.markSaved(intent.version() + 1);
        rows.put(intent.id(), intent.snapshot());
    }

    @Override
    public Optional<QrIntent> findById(String id) {
        return Optional.ofNullable(rows.get(id)).map(QrIntent::restore);
    }

    @Override
    public void recordAttempt(String qrId, ProviderAttempt attempt) {
        attempts.computeIfAbsent(qrId, k -> new ArrayList<>()).add(attempt);
    }

    @Override
    public List<StateChange> history(String qrId) {
        return events.getOrDefault(qrId, List.of());
    }

    @Override
    public List<ProviderAttempt> attempts(String qrId) {
        return attempts.getOrDefault(qrId, List.of());
    }

    /** The QR a provider knows by this reference, as the notification store's lookup finds it. */
    Optional<QrIntent> findByProviderReference(Provider provider, String reference) {
        return rows.values().stream()
                .filter(r -> r.provider() == provider && reference.equals(r.providerReference()))
                .findFirst().map(QrIntent::restore);
    }

    @Override
    public Runnable checkpoint() {
        undo = new ArrayDeque<>();
        Deque<Runnable> steps = undo;
        return () -> {
            steps.forEach(Runnable::run);
            undo = null;
        };
    }

    private void rememberForUndo(String id) {
        if (undo == null) {
            return;
        }
        QrIntent.Snapshot row = rows.get(id);
        List<StateChange> log = events.containsKey(id) ? new ArrayList<>(events.get(id)) : null;
        undo.push(() -> {
            if (row == null) {
                rows.remove(id);
            } else {
                rows.put(id, row);
            }
            if (log == null) {
                events.remove(id);
            } else {
                events.put(id, log);
            }
        });
    }
}
