package io.payorch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The current state of an aggregate, its row version, and the transitions recorded since it was
 * loaded: every change is checked against the lifecycle and kept as a {@link StateChange} for the
 * audit trail, until the repository saves it.
 */
final class StateLog<S extends Enum<S> & LifecycleState<S>> {

    private final String entity;
    private final List<StateChange> pending = new ArrayList<>();
    private S status;
    private long version;

    StateLog(String entity, S status, long version) {
        this.entity = entity;
        this.status = status;
        this.version = version;
    }

    /** Records the creation event of a new aggregate, made by {@code source}. */
    void created(Instant at, String source) {
        pending.add(new StateChange(null, status.name(), at, "created", source));
    }

    /** Moves to {@code next} if the lifecycle allows it; refuses (recording nothing) otherwise. */
    void move(S next, Instant at, String reason, String source) {
        if (!status.canBecome(next)) {
            throw new IllegalTransitionException(entity, status, next);
        }
        pending.add(new StateChange(status.name(), next.name(), at, reason, source));
        status = next;
    }

    /** Records something that happened without a change of state (a payment on a multi-use QR). */
    void note(Instant at, String reason, String source) {
        pending.add(new StateChange(status.name(), status.name(), at, reason, source));
    }

    /** Refuses unless the current state is {@code required}, naming the transition attempted. */
    void require(S required, S attempted) {
        if (status != required) {
            throw new IllegalTransitionException(entity, status, attempted);
        }
    }

    S status() {
        return status;
    }

    long version() {
        return version;
    }

    List<StateChange> pending() {
        return Collections.unmodifiableList(pending);
    }

    void saved(long newVersion) {
        version = newVersion;
        pending.clear();
    }
}
