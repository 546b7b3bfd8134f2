package io.payorch.bootstrap.sandbox;

/**
 * The deterministic failure triggers of the sandbox, like test card numbers: a registration id
 * ending in {@code -REJECT}, {@code -TIMEOUT}, {@code -FAIL500} or {@code -GARBAGE}.
 */
public enum SandboxTrigger {
    NONE, REJECT, TIMEOUT, FAIL500, GARBAGE;

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
}
