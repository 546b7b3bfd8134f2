package io.payorch.application;

/** Someone else changed the row since it was read (optimistic locking). */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String what, String id) {
        super(what + " " + id + " was changed concurrently");
    }
}
