package io.payorch.domain;

/** A state of a lifecycle that knows which states may follow it. */
public interface LifecycleState<S extends Enum<S> & LifecycleState<S>> {
    boolean canBecome(S next);
}
