package io.payorch.bootstrap.sandbox;

import java.time.Duration;

/**
 * The deterministic triggers of the sandbox, like test card numbers: a registration id ending in
 * {@code -REJECT}, {@code -TIMEOUT}, {@code -FAIL500} or {@code -GARBAGE} gets that failure;
 * one ending in {@code -SHORTLIVED} gets a normal answer for a QR that expires
 * {@link #SHORT_QR_LIFETIME} after it was issued (AOPay, BOS and OQPay; Razorpay's {@code close_by}
 * is the caller's), so the README can watch the sweep expire it.
 */
public enum SandboxTrigger {
    NONE, REJECT, TIMEOUT, FAIL500, GARBAGE, SHORTLIVED;

    public static final Duration SHORT_QR_LIFETIME = Duration.ofSeconds(10);

    public static SandboxTrigger of(String registrationId) {
        if (registrationId == null) {
            return NONE;
        }
        for (SandboxTrigger t : values()) {
            if (t != NONE && registrationId.endsWith("-" + t.name())) {
                return t;
            }
        }
        return NONE;
    }

    /** How long a QR issued under this trigger lives, given the simulator's usual lifetime. */
    public Duration qrLifetime(Duration usual) {
        return this == SHORTLIVED ? SHORT_QR_LIFETIME : usual;
    }
}
