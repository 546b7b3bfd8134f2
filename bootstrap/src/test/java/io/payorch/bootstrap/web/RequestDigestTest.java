package io.payorch.bootstrap.web;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The idempotency digest of a request body: canonical, and keyed when a hash key is configured. */
class RequestDigestTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void fieldOrderAndNullsDoNotChangeTheDigestButValuesDo() {
        IdempotentExecution plain = new IdempotentExecution(null, JSON, "");
        CreateQrRequest a = new CreateQrRequest("R-1", "10.00", "AOP", null, null, null, null, Map.of("b", "2", "a", "1"));
        CreateQrRequest b = new CreateQrRequest("R-1", "10.00", "AOP", null, null, null, null, Map.of("a", "1", "b", "2"));
        CreateQrRequest c = new CreateQrRequest("R-1", "10.01", "AOP", null, null, null, null, Map.of("a", "1", "b", "2"));
        assertEquals(plain.digest(a), plain.digest(b));
        assertNotEquals(plain.digest(a), plain.digest(c));
    }

    @Test
    void aConfiguredKeyMakesItAnHmacOfTheCanonicalBody() throws Exception {
        CreateQrRequest body = new CreateQrRequest("R-1", "10.00", null, null,
                new CreateQrRequest.Customer(null, "9876543210", null), null, null, null);
        String canonical = "{\"amount\":\"10.00\",\"customer\":{\"mobile\":\"9876543210\"},\"registrationId\":\"R-1\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k-123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, new IdempotentExecution(null, JSON, "k-123").digest(body));
        assertNotEquals(expected, new IdempotentExecution(null, JSON, "").digest(body));
    }
}
