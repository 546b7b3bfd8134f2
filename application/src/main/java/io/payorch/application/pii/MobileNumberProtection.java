package io.payorch.application.pii;

import io.payorch.application.Digests;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What payorch keeps of a mobile number: a mask for people ({@code 98XXXXXX10}) and a keyed hash
 * for lookups (hex HMAC-SHA256 under {@code payorch.pii.hash-key}), so the same number can be
 * found again without being stored. The key is a secret: without it the hash cannot be reversed
 * by trying the 4 billion possible numbers.
 */
public final class MobileNumberProtection {

    private static final int MINIMUM_KEY_BYTES = 32;

    private final byte[] key;

    public MobileNumberProtection(String hashKey) {
        Objects.requireNonNull(hashKey, "hashKey");
        byte[] bytes = hashKey.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("payorch.pii.hash-key must be at least " + MINIMUM_KEY_BYTES
                    + " bytes long");
        }
        this.key = bytes.clone();
    }

    /** The first two and last two digits, the rest as X: {@code 9876543210} → {@code 98XXXXXX10}. */
    public String mask(String mobile) {
        if (mobile == null || mobile.length() < 8) {
            throw new IllegalArgumentException("not a mobile number");
        }
        int hidden = mobile.length() - 4;
        return mobile.substring(0, 2) + "X".repeat(hidden) + mobile.substring(mobile.length() - 2);
    }

    /** Lower-case hex HMAC-SHA256 of the number under the configured key. */
    public String keyedHash(String mobile) {
        Objects.requireNonNull(mobile, "mobile");
        return HexFormat.of().formatHex(Digests.hmacSha256(key, mobile.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "MobileNumberProtection[key hidden]";
    }
}
