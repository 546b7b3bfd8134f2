package io.payorch.bootstrap.security;

import org.junit.jupiter.api.Test;

import java.util.List;
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

    @Test
    void aClientHasACurrentAndAPreviousSecretEitherPlainOrAsItsSha256() {
        ClientProperties.Merchant acme = new ClientProperties.Merchant("acme");
        acme.setSecretSha256(CredentialRotationTest.sha256Hex(STRONG).toUpperCase());
        acme.setPreviousSecret(STRONG + "-old");
        ApiClientDirectory directory = new ApiClientDirectory(List.of(acme), List.of());
        assertTrue(directory.verify("acme", STRONG).isPresent());
        assertTrue(directory.verify("acme", STRONG + "-old").isPresent());
        assertTrue(directory.verify("acme", CredentialRotationTest.sha256Hex(STRONG)).isEmpty());
        assertEquals("wrong_secret", directory.check("acme", "x").failure());
        assertEquals("unknown_client", directory.check("nobody", STRONG).failure());
    }

    @Test
    void aSecretAndItsHashTogetherOrAMalformedHashOrOnlyAPreviousSecretStopTheStartNamingTheSetting() {
        ClientProperties.Merchant both = new ClientProperties.Merchant("acme");
        both.setSecret(STRONG);
        both.setSecretSha256(CredentialRotationTest.sha256Hex(STRONG));
        ClientProperties.Merchant malformed = new ClientProperties.Merchant("acme");
        malformed.setSecretSha256("abc123");
        ClientProperties.Merchant onlyPrevious = new ClientProperties.Merchant("acme");
        onlyPrevious.setPreviousSecret(STRONG);
        assertTrue(assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(List.of(both), List.of()))
                .getMessage().contains("payorch.security.merchants.acme.secret and payorch.security.merchants.acme.secret-sha256"));
        assertTrue(assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(List.of(malformed), List.of()))
                .getMessage().startsWith("payorch.security.merchants.acme.secret-sha256 is not a SHA-256"));
        assertTrue(assertThrows(IllegalStateException.class, () -> new ApiClientDirectory(List.of(onlyPrevious), List.of()))
                .getMessage().startsWith("payorch.security.merchants.acme.secret (or"));
    }
}
