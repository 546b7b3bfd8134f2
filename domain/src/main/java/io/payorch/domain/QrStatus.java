package io.payorch.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a dynamic QR. {@code UNKNOWN} means the provider may hold a QR we never saw:
 * it is resolved by reconciliation, never folded into {@code FAILED} on a guess.
 */
public enum QrStatus implements LifecycleState<QrStatus> {
    PENDING, ACTIVE, PAID, EXPIRED, CLOSED, FAILED, UNKNOWN;

    @Override
    public boolean isFinal() {
        return allowedNext().isEmpty();
    }

    /** The states that are not final (work in progress), in declaration order. */
    public static Set<QrStatus> open() {
        return LifecycleState.open(QrStatus.class);
    }

    @Override
    public boolean canBecome(QrStatus next) {
        return allowedNext().contains(next);
    }

    private Set<QrStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACTIVE, FAILED, UNKNOWN);
            case UNKNOWN -> EnumSet.of(ACTIVE, FAILED);
            case ACTIVE -> EnumSet.of(PAID, EXPIRED, CLOSED);
            case PAID, EXPIRED, CLOSED, FAILED -> EnumSet.noneOf(QrStatus.class);
        };
    }
}
