package io.payorch.bootstrap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a secret: how API client secrets are kept and compared, and the hex form an
 * operator configures as {@code secret-sha256} ({@code printf '%s' "$secret" | sha256sum}).
 */
public final class SecretDigest {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private SecretDigest() {
    }

    public static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String hexOf(String secret) {
        return HexFormat.of().formatHex(of(secret));
    }

    /** 64 hex digits, either case, surrounding blanks ignored. */
    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value.trim()).matches();
    }

    /** The digest a hex form names; only for a value {@link #isHex} accepts. */
    public static byte[] parseHex(String value) {
        return HexFormat.of().parseHex(value.trim().toLowerCase(Locale.ROOT));
    }
}
