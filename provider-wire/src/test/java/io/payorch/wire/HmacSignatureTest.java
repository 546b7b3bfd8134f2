package io.payorch.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacSignatureTest {

    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    private static final String KNOWN = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    @Test
    void signsAsTheRfc4231StyleReferenceValue() {
        assertEquals(KNOWN, HmacSignature.sign("key", BODY));
    }

    @Test
    void acceptsTheRightSignatureInEitherCaseAndNothingElse() {
        assertTrue(HmacSignature.verify("key", BODY, KNOWN));
        assertTrue(HmacSignature.verify("key", BODY, KNOWN.toUpperCase()));
        assertFalse(HmacSignature.verify("key", BODY, KNOWN.substring(1)));
        assertFalse(HmacSignature.verify("other", BODY, KNOWN));
        assertFalse(HmacSignature.verify("key", "the quick brown fox".getBytes(StandardCharsets.US_ASCII), KNOWN));
        assertFalse(HmacSignature.verify("key", BODY, null));
        assertFalse(HmacSignature.verify(null, BODY, KNOWN));
        assertFalse(HmacSignature.verify("", BODY, KNOWN));
    }
}
