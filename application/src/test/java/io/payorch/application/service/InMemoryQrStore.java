package io.payorch.application.service;

import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.domain.QrIntent;
import io.payorch.domain.StateChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A QR store in memory with the same optimistic locking contract as the PostgreSQL one. */
final class InMemoryQrStore implements QrIntentStore {

    private final Map<String, QrIntent.Snapshot> rows = new HashMap<>();
    private final Map<String, List<StateChange>> events = new HashMap<>();
    private final Map<String, List<ProviderAttempt>> attempts = new HashMap<>();

    @Override
    public void insert(QrIntent intent) {
        events.computeIfAbsent(intent.id(), k -> new ArrayList<>()).addAll(intent.pendingChanges());
        intent.markSaved(intent.version());
        rows.put(intent.id(), intent.snapshot());
    }

    @Override
    public void update(QrIntent intent) {
        QrIntent.Snapshot stored = rows.get(intent.id());
        if (stored == null || stored.version() != intent.version()) {
            throw new ConcurrentUpdateException("QR", intent.id());
        }
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
}
