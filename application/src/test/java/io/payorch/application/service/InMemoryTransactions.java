package io.payorch.application.service;

import io.payorch.application.port.out.TransactionRunner;

import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions over in-memory stores: the work's writes stay when it returns and are undone when it
 * throws, as a database rolls back, so a retried transaction starts from what was committed.
 */
class InMemoryTransactions implements TransactionRunner {

    /** A store whose writes within a transaction can be undone. */
    interface Participant {
        /** @return what undoes this store's writes made from now until it runs */
        Runnable checkpoint();
    }

    private final List<Participant> participants;
    int started;

    InMemoryTransactions(Participant... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        List<Runnable> rollbacks = participants.stream().map(Participant::checkpoint).toList();
        try {
            return work.get();
        } catch (RuntimeException e) {
            rollbacks.forEach(Runnable::run);
            throw e;
        }
    }
}
