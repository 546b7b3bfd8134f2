package io.payorch.application.port.in;

import io.payorch.application.ProviderFailure;
import io.payorch.domain.QrIntent;

import java.util.Optional;

/** The recorded QR and, when no provider issued it, why. The QR is stored either way. */
public record QrCreation(QrIntent qr, Optional<ProviderFailure> failure) {
}
