package io.payorch.application.merchantwebhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of its key bytes.
 * payorch makes them of {@value #KEY_BYTES} random bytes; {@link #toString()} never shows the key.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** @throws IllegalArgumentException when {@code text} is not {@code whsec_<base64>} */
    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret has key bytes after " + PREFIX);
        }
        return new WebhookSecret(key);
    }

    /** The key bytes HMAC-SHA256 is keyed with. */
    byte[] key() {
        return key.clone();
    }

    /** The {@code whsec_...} text a merchant is shown (once) and payorch stores encrypted. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
