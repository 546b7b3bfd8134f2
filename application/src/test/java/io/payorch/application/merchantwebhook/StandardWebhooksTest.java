package io.payorch.application.merchantwebhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardWebhooksTest {

    /** The test vector published with the Standard Webhooks specification. */
    @Test
    void signsTheSpecificationsTestVector() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void aHeaderCarriesOneSignaturePerSecretSeparatedBySpaces() {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = StandardWebhooks.signatureHeader(List.of(current, previous), "evt_1", 1L, body);
        assertEquals(StandardWebhooks.sign(current, "evt_1", 1L, body) + " "
                + StandardWebhooks.sign(previous, "evt_1", 1L, body), header);
        assertNotEquals(StandardWebhooks.sign(current, "evt_1", 1L, body), StandardWebhooks.sign(previous, "evt_1", 1L, body));
    }

    @Test
    void aGeneratedSecretIsWhsecAndAtLeast24RandomBytesAndRoundTrips() {
        WebhookSecret secret = WebhookSecret.generate();
        String text = secret.reveal();
        assertTrue(text.startsWith("whsec_"), text);
        assertTrue(java.util.Base64.getDecoder().decode(text.substring(6)).length >= 24);
        assertEquals(secret, WebhookSecret.parse(text));
        assertNotEquals(secret, WebhookSecret.generate());
        assertEquals("WebhookSecret[hidden]", secret.toString());
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("whsec_"));
    }
}
