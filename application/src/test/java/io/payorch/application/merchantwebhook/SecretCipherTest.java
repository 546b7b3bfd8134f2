package io.payorch.application.merchantwebhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealsAndOpensASecretForItsEndpoint() {
        SecretCipher cipher = SecretCipher.fromBase64Key(KEY);
        WebhookSecret secret = WebhookSecret.generate();
        String sealed = cipher.encrypt(secret, "we_1");
        assertFalse(sealed.contains(secret.reveal().substring(6)), "the stored text shows the key");
        assertNotEquals(sealed, cipher.encrypt(secret, "we_1"), "a fresh nonce every time");
        assertEquals(secret, cipher.decrypt(sealed, "we_1"));
    }

    @Test
    void refusesAnotherEndpointAnotherKeyOrAnyTampering() {
        SecretCipher cipher = SecretCipher.fromBase64Key(KEY);
        String sealed = cipher.encrypt(WebhookSecret.generate(), "we_1");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "we_2"));
        assertThrows(IllegalStateException.class, () -> SecretCipher.fromBase64Key(OTHER_KEY).decrypt(sealed, "we_1"));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(raw), "we_1"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("whsec_plain", "we_1"));
    }

    @Test
    void theKeyMustBeTheBase64Of32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> SecretCipher.fromBase64Key(""));
        assertThrows(IllegalArgumentException.class, () -> SecretCipher.fromBase64Key("not base64!"));
        assertThrows(IllegalArgumentException.class,
                () -> SecretCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
