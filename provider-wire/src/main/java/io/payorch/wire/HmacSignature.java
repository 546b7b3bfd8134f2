package io.payorch.wire;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Hex HMAC-SHA256 signatures over raw request bytes, the scheme of Razorpay's webhooks
 * ({@code X-Razorpay-Signature}) and of the callbacks payorch documents for AOPay, BOS and OQPay
 * ({@code X-Payorch-Signature}). Compared in constant time.
 */
public final class HmacSignature {

    private HmacSignature() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * True when the signature is that of any of the secrets (a provider's current webhook secret
     * and, while it rotates, the previous one). Every secret is tried, so the time taken does not
     * tell which one matched.
     */
    public static boolean verifyAny(List<String> secrets, byte[] body, String signature) {
        boolean any = false;
        for (String secret : secrets) {
            any |= verify(secret, body, signature);
        }
        return any;
    }

    /** False for a missing secret or signature, or any difference; never throws for bad input. */
    public static boolean verify(String secret, byte[] body, String signature) {
        if (secret == null || secret.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
