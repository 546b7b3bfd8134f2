package io.payorch.application.merchantwebhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
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
