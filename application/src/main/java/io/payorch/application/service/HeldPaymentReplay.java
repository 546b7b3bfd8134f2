package io.payorch.application.service;

/**
 * Payments can arrive before payorch knows its QR is {@code ACTIVE} (the provider's answer timed
 * out, but the payer scanned the QR anyway). They are held; once reconciliation activates the
 * QR, they are applied.
 */
public interface HeldPaymentReplay {

    /** @return how many held payments were applied */
    int replayHeld(String qrId);
}
