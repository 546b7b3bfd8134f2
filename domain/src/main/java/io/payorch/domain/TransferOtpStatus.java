package io.payorch.domain;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a DMT "transaction send OTP" request. */
public enum TransferOtpStatus implements LifecycleState<TransferOtpStatus> {
    PENDING, OTP_SENT, REGISTRATION_OTP_SENT, FAILED, UNKNOWN, EXPIRED;

    @Override
    public boolean isFinal() {
        return allowedNext().isEmpty();
    }

    /** The states that are not final (work in progress), in declaration order. */
    public static Set<TransferOtpStatus> open() {
        return LifecycleState.open(TransferOtpStatus.class);
    }

    /** An OTP is out with the remitter and runs on its 90-second clock. */
    public boolean isSent() {
        return this == OTP_SENT || this == REGISTRATION_OTP_SENT;
    }

    @Override
    public boolean canBecome(TransferOtpStatus next) {
        return allowedNext().contains(next);
    }

    private Set<TransferOtpStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(OTP_SENT, REGISTRATION_OTP_SENT, FAILED, UNKNOWN);
            case UNKNOWN -> EnumSet.of(FAILED);
            case OTP_SENT, REGISTRATION_OTP_SENT -> EnumSet.of(EXPIRED);
            case FAILED, EXPIRED -> EnumSet.noneOf(TransferOtpStatus.class);
        };
    }
}
