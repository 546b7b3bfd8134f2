package io.payorch.application.port.in;

import io.payorch.application.lifecycle.ReconcileReport;

/**
 * Resolve QRs whose provider outcome is open: {@code UNKNOWN} ones and {@code PENDING} ones older
 * than the configured age (the process died between recording and calling). Ask the provider
 * where it can be asked; otherwise fail them as {@code abandoned} once the provider's QR lifetime
 * has passed.
 */
public interface ReconcileOpenQrsUseCase {
    ReconcileReport reconcile();
}
