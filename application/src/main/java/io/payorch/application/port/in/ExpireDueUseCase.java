package io.payorch.application.port.in;

import io.payorch.application.lifecycle.SweepReport;

/**
 * Expire every QR and transfer OTP that is due now, in batches, each batch in its own transaction,
 * until none is due. Safe to run on any number of instances at once: each item is expired once.
 */
public interface ExpireDueUseCase {
    SweepReport expireDue();
}
