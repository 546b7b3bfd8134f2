package io.payorch.application.port.in;

import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;

import java.util.Optional;

/** The recorded QR and, when no provider issued it, why. The QR is stored either way. */
public record QrCreation(QrIntent qr, Optional<ProviderFailure> failure) {

    /** Why the last provider did not issue the QR. */
    public record ProviderFailure(Kind kind, Provider provider, String code, String message) {
    }

    public enum Kind {
        /** The provider said no (or answered a QR payorch must not show). */
        REJECTED,
        /** No provider could be reached. */
        NOT_ATTEMPTED,
        /** A provider did not answer in time. */
        TIMED_OUT,
        /** 5xx or an unreadable answer. */
        UNKNOWN
    }
}
