package io.payorch.bootstrap.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for callers that each write one item and wait for its result: whoever finds no
 * write in progress writes everything queued meanwhile (at most {@code maxBatch} items) in one go,
 * and the others wait for it. Alone, a caller writes its item at once; under load, the items that
 * arrived during one write share the next. The write answers one result per item, in order; when
 * it throws, every item of that batch fails with its exception.
 */
final class GroupWriter<T, R> {

    private final int maxBatch;
    private final Function<List<T>, List<R>> write;
    private final ArrayDeque<Slot<T, R>> queue = new ArrayDeque<>();
    private boolean writing;

    GroupWriter(int maxBatch, Function<List<T>, List<R>> write) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.write = write;
    }

    R submit(T item) {
        Slot<T, R> mine = new Slot<>(item);
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.add(mine);
            }
            while (true) {
                List<Slot<T, R>> batch = new ArrayList<>();
                synchronized (this) {
                    while (!mine.done && writing) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the item may be in a write already: its result is awaited
                        }
                    }
                    if (mine.done) {
                        return mine.result();
                    }
                    writing = true;
                    while (!queue.isEmpty() && batch.size() < maxBatch) {
                        batch.add(queue.poll());
                    }
                }
                writeBatch(batch);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Items waiting for a write (for tests). */
    synchronized int queued() {
        return queue.size();
    }

    private void writeBatch(List<Slot<T, R>> batch) {
        List<R> results = null;
        RuntimeException failure = null;
        try {
            List<T> items = new ArrayList<>(batch.size());
            for (Slot<T, R> slot : batch) {
                items.add(slot.item);
            }
            results = write.apply(items);
            if (results.size() != batch.size()) {
                throw new IllegalStateException("a write of " + batch.size() + " items answered " + results.size() + " results");
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (results == null && failure == null) { // an Error on its way up
                failure = new IllegalStateException("the write of a batch failed");
            }
            synchronized (this) {
                for (int i = 0; i < batch.size(); i++) {
                    Slot<T, R> slot = batch.get(i);
                    slot.done = true;
                    if (failure != null) {
                        slot.failure = failure;
                    } else {
                        slot.value = results.get(i);
                    }
                }
                writing = false;
                notifyAll();
            }
        }
    }

    private static final class Slot<T, R> {
        private final T item;
        private boolean done;
        private R value;
        private RuntimeException failure;

        Slot(T item) {
            this.item = item;
        }

        R result() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
