package io.payorch.bootstrap.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification alone
 * (standardwebhooks.com), independently of payorch's signer: the secret's bytes are the base64
 * after {@code whsec_}; the signed content is {@code id.timestamp.body}; the header holds
 * space-separated {@code v1,<base64>} entries of which one must match; the timestamp must be within
 * five minutes of now.
 *
 * <p>It repeats, on purpose, what {@code io.payorch.application.merchantwebhook.StandardWebhooks}
 * does (a duplicate finder pairs them): do not make either call the other, or tests would verify
 * payorch's signatures with payorch's own code and a shared mistake would pass unseen.
 */
public final class StandardWebhooksVerifier {

    private static final long TOLERANCE_SECONDS = 300;

    private StandardWebhooksVerifier() {
    }

    public static boolean verify(String secret, String id, String timestamp, String signatureHeader, byte[] body,
                                 long nowSeconds) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = hmac(Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1)),
                (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        for (String entry : signatureHeader.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(entry.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
