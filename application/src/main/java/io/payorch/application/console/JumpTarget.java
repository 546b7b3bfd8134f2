package io.payorch.application.console;

/** Where a pasted id or reference leads: a QR or a transfer OTP, by payorch id. */
public record JumpTarget(Kind kind, String id) {
    public enum Kind { QR, TRANSFER_OTP }
}
