package io.payorch.domain;

import java.util.EnumSet;
import java.util.Set;

/** A state of a lifecycle that knows which states may follow it, and whether it is final. */
public interface LifecycleState<S extends Enum<S> & LifecycleState<S>> {

    boolean canBecome(S next);

    /** Final: no state may follow this one (the enums derive it from their transition tables). */
    boolean isFinal();

    /** The states of {@code type} that are not final (work in progress), in declaration order. */
    static <S extends Enum<S> & LifecycleState<S>> Set<S> open(Class<S> type) {
        Set<S> open = EnumSet.noneOf(type);
        for (S state : type.getEnumConstants()) {
            if (!state.isFinal()) {
                open.add(state);
            }
        }
        return open;
    }
}
