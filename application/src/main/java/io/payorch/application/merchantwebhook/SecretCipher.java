package io.payorch.application.merchantwebhook;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Keeps webhook secrets encrypted at rest: AES-256-GCM under a key from the configuration
 * ({@code PAYORCH_WEBHOOKS_ENCRYPTION_KEY}, base64 of 32 bytes), a fresh 96-bit nonce per
 * secret, and the endpoint's id as associated data, so a stored secret cannot be moved to another
 * endpoint's row. Stored as {@code v1:<base64 of nonce || ciphertext || tag>}; a database dump
 * alone reveals no secret.
 */
public final class SecretCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @throws IllegalArgumentException unless {@code base64Key} is the base64 of exactly 32 bytes */
    public static SecretCipher fromBase64Key(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook encryption key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the webhook encryption key must be the base64 of 32 bytes, not "
                    + key.length);
        }
        return new SecretCipher(key);
    }

    public String encrypt(WebhookSecret secret, String endpointId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the text was not sealed by this key for this endpoint */
    public WebhookSecret decrypt(String stored, String endpointId) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("webhook secret of " + endpointId + " is not in a known format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return WebhookSecret.parse(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("webhook secret of " + endpointId
                    + " cannot be decrypted with the configured key (was the key changed?)");
        }
    }
}
