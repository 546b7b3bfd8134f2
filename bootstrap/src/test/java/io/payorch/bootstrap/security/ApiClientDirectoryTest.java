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
        ApiClientDirectory directory = new ApiClientDirectory(Map.of("acme", STRONG), Map.of("ops", STRONG + "x"), false);
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
        assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(Map.of("acme", ""), Map.of(), false));
        assertThrows(IllegalStateException.class,
                () -> new ApiClientDirectory(Map.of("acme", STRONG), Map.of("acme", STRONG + "x"), false));
    }

    @Test
    void productionRefusesSandboxCredentialsShortSecretsAndNoClients() {
        IllegalStateException sandbox = assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(
                Map.of("sandbox-merchant", "sandbox-secret"), Map.of("ops", STRONG), true));
        assertTrue(sandbox.getMessage().contains("payorch.security.merchants.sandbox-merchant.secret"), sandbox.getMessage());
        assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(Map.of("acme", "short"), Map.of("ops", STRONG), true));
        assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(Map.of(), Map.of("ops", STRONG), true));
        assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(Map.of("acme", STRONG), Map.of(), true));
        assertEquals(2, new ApiClientDirectory(Map.of("acme", STRONG), Map.of("ops", STRONG + "x"), true).size());
    }
}
