package io.payorch.application.pii;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MobileNumberProtectionTest {

    private static final String KEY = "test-pii-hash-key-of-at-least-32-bytes";

    @Test
    void masksAllButTheFirstTwoAndLastTwoDigits() {
        assertEquals("98XXXXXX10", new MobileNumberProtection(KEY).mask("9876543210"));
    }

    @Test
    void hashesWithHmacSha256UnderTheConfiguredKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("9876543210".getBytes(StandardCharsets.UTF_8)));

        String hash = new MobileNumberProtection(KEY).keyedHash("9876543210");

        assertEquals(expected, hash);
        assertEquals(64, hash.length());
        assertFalse(hash.contains("9876543210"));
    }

    @Test
    void anotherKeyGivesAnotherHashSoTheHashAloneRevealsNothing() {
        String other = "another-pii-hash-key-of-32-bytes-or-more";
        assertNotEquals(new MobileNumberProtection(KEY).keyedHash("9876543210"),
                new MobileNumberProtection(other).keyedHash("9876543210"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MobileNumberProtection("short"));
        assertThrows(NullPointerException.class, () -> new MobileNumberProtection(null));
    }
}
