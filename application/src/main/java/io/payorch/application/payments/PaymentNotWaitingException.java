package io.payorch.application.payments;

/** The payment was applied, or operations already resolved it: it cannot be resolved (again). */
public final class PaymentNotWaitingException extends RuntimeException {
    public PaymentNotWaitingException(long id) {
        super("payment " + id + " is not waiting for operations: it was applied or is already resolved");
    }
}
