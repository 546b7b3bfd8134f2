package io.payorch.application.merchantwebhook;

import io.payorch.application.Digests;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks signature (standardwebhooks.com): {@code v1,<base64 HMAC-SHA256>} over
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}, keyed with the secret's decoded bytes; one
 * signature per active secret, separated by spaces, in {@code webhook-signature}.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private StandardWebhooks() {
    }

    /** One {@code v1,...} signature. */
    public static String sign(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(Digests.hmacSha256(secret.key(), signed));
    }

    /**
     * A receiver's check: one of the header's {@code v1,} signatures is {@code secret}'s over this
     * id, timestamp and body (compared in constant time), and the timestamp is within
     * {@code toleranceSeconds} of {@code nowSeconds}. Never throws for malformed input.
     */
    public static boolean verify(WebhookSecret secret, String messageId, String timestamp, String header, byte[] body,
                                 long nowSeconds, long toleranceSeconds) {
        if (messageId == null || timestamp == null || header == null || body == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, messageId, ts, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.trim().split(" +")) {
            if (java.security.MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code webhook-signature} header: every secret's signature, space-separated. */
    public static String signatureHeader(List<WebhookSecret> secrets, String messageId, long timestampSeconds,
                                         byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs");
        }
        return secrets.stream().map(s -> sign(s, messageId, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
