package io.payorch.bootstrap.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of {@link ProductionGuard} on a resolved configuration (the jar's behaviour: ProductionModeIT). */
class ProductionGuardTest {

    private static final String STRONG = "a-real-secret-of-more-than-24-chars";

    private static Map<String, Object> safe() {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:1/none");
        p.put("payorch.pii.hash-key", STRONG);
        p.put("payorch.security.merchants.acme.secret", STRONG);
        p.put("payorch.security.admins.ops.secret", STRONG + "-ops");
        for (String provider : List.of("aop", "oqpay", "bos", "razorpay", "dmt")) {
            p.put("payorch.providers." + provider + ".base-url", "https://" + provider + ".example.invalid");
            p.put("payorch.providers." + provider + ".webhook-secret", provider + "-hook");
        }
        p.put("payorch.providers.bos.username", "bos");
        p.put("payorch.providers.bos.password", "bos-pass");
        p.put("payorch.providers.razorpay.username", "rzp_live");
        p.put("payorch.providers.razorpay.password", "rzp-pass");
        return p;
    }

    private static List<String> problems(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().environments("guard-test")
                .properties(properties).build()) {
            Environment environment = context.getEnvironment().start();
            return ProductionGuard.problems(environment);
        }
    }

    @Test
    void aSafeConfigurationHasNoProblem() {
        assertEquals(List.of(), problems(safe()));
    }

    @Test
    void ownSecretsShorterThan24CharactersAreRefusedNamingSettingAndVariable() {
        Map<String, Object> p = safe();
        p.put("payorch.security.merchants.acme.secret", "short-secret");
        p.put("payorch.pii.hash-key", "short-key");
        assertEquals(List.of("payorch.pii.hash-key (PAYORCH_PII_HASH_KEY) is shorter than 24 characters",
                "payorch.security.merchants.acme.secret (PAYORCH_SECURITY_MERCHANTS_ACME_SECRET) is shorter than 24"
                        + " characters"), problems(p));
    }

    @Test
    void sandboxClientsAndSecretsAndMissingClientsAreRefused() {
        Map<String, Object> p = safe();
        p.put("payorch.security.merchants.sandbox-merchant.secret", "sandbox-secret");
        p.put("payorch.security.admins.ops.secret", "sandbox-admin-secret");
        List<String> problems = problems(p);
        assertTrue(problems.contains("payorch.security.merchants.sandbox-merchant: the sandbox merchant must not exist in prod"),
                problems.toString());
        assertTrue(problems.contains("payorch.security.merchants.sandbox-merchant.secret"
                + " (PAYORCH_SECURITY_MERCHANTS_SANDBOX_MERCHANT_SECRET) holds a sandbox secret"), problems.toString());
        assertTrue(problems.contains("payorch.security.admins.ops.secret (PAYORCH_SECURITY_ADMINS_OPS_SECRET) holds a"
                + " sandbox secret"), problems.toString());

        Map<String, Object> none = safe();
        none.remove("payorch.security.admins.ops.secret");
        assertTrue(problems(none).stream().anyMatch(l -> l.contains("no admin client is configured")), problems(none).toString());
        for (String line : problems(p)) {
            assertTrue(!line.contains(STRONG) && !line.contains("sandbox-secret "), line);
        }
    }

    @Test
    void aSecretGivenAsItsHashCountsAsTheSecretAndTheHashOfASandboxSecretIsRefusedLikeIt() {
        Map<String, Object> p = safe();
        p.remove("payorch.security.merchants.acme.secret");
        p.put("payorch.security.merchants.acme.secret-sha256", sha256Hex("a-random-secret-made-with-openssl-rand"));
        p.put("payorch.security.merchants.acme.previous-secret", STRONG + "-old");
        // how PAYORCH_SECURITY_MERCHANTS_ACME_PREVIOUS_SECRET also reaches the configuration: not a client "acme-previous"
        p.put("payorch.security.merchants.acme-previous.secret", STRONG + "-old");
        assertEquals(List.of(), problems(p));

        p.put("payorch.security.merchants.acme.secret-sha256", sha256Hex("sandbox-secret"));
        p.put("payorch.security.admins.ops.previous-secret-sha256", "not-hex");
        p.put("payorch.security.merchants.acme.previous-secret", "short");
        p.put("payorch.providers.razorpay.previous-webhook-secret", "sandbox-webhook-secret");
        assertEquals(List.of(
                "payorch.security.merchants.acme.secret-sha256 (PAYORCH_SECURITY_MERCHANTS_ACME_SECRET_SHA256) is the"
                        + " hash of a sandbox secret",
                "payorch.security.merchants.acme.previous-secret (PAYORCH_SECURITY_MERCHANTS_ACME_PREVIOUS_SECRET) is"
                        + " shorter than 24 characters",
                "payorch.security.admins.ops.previous-secret-sha256 (PAYORCH_SECURITY_ADMINS_OPS_PREVIOUS_SECRET_SHA256)"
                        + " is not a SHA-256 in hex (64 digits, as sha256sum prints it)",
                "payorch.providers.razorpay.previous-webhook-secret (PAYORCH_PROVIDERS_RAZORPAY_PREVIOUS_WEBHOOK_SECRET)"
                        + " holds a sandbox secret"), problems(p));
    }

    private static String sha256Hex(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
