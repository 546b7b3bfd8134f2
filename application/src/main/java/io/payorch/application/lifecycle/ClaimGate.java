package io.payorch.application.lifecycle;

/**
 * Whether background work (expiry sweeps, reconciliation and, once they exist, webhook deliveries)
 * may claim more. An instance that is shutting down closes the gate: its workers claim nothing new,
 * finish the batch they hold or release it, so another instance takes the rest at once. One gate per
 * instance, closed once and never reopened.
 */
public final class ClaimGate {

    private volatile boolean closed;

    /** Stops every worker that consults this gate from claiming more. */
    public void close() {
        closed = true;
    }

    public boolean isOpen() {
        return !closed;
    }
}
