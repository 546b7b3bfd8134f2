package io.payorch.bootstrap.security;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiClientDirectoryTest {

    private static final String STRONG = "a-merchant-secret-of-32-characters!";

    @Test
    void verifiesIdAndSecretTogether() {
        ApiClientDirectory directory = new ApiClientDirectory(Map.of("acme", STRONG), Map.of("ops", STRONG + "x"));
        assertEquals("MERCHANT", directory.verify("acme", STRONG).orElseThrow().role());
        assertEquals("ADMIN", directory.verify("ops", STRONG + "x").orElseThrow().role());
        assertTrue(directory.verify("acme", STRONG + "x").isEmpty());
        assertTrue(directory.verify("ops", STRONG).isEmpty());
        assertTrue(directory.verify("nobody", STRONG).isEmpty());
        assertTrue(directory.verify(null, null).isEmpty());
        assertTrue(directory.verify("acme", "").isEmpty());
        assertTrue(!directory.verify("acme", STRONG).orElseThrow().toString().contains(STRONG));
    }

    @Test
    void refusesMissingSecretsAndIdsThatAreBothMerchantAndAdmin() {
        assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(Map.of("acme", ""), Map.of()));
        assertThrows(IllegalStateException.class,
                () -> new ApiClientDirectory(Map.of("acme", STRONG), Map.of("acme", STRONG + "x")));
    }
}
