package io.payorch.bootstrap.jar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar in {@code prod} refuses each unsafe setting, naming it, and exits non-zero. */
class ProductionModeIT {

    /** A complete, safe production configuration (the database need not answer: start-up stops before). */
    private static Map<String, String> safe() {
        Map<String, String> env = new HashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "prod");
        env.put("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:1/none");
        env.put("PAYORCH_PII_HASH_KEY", "a-real-hash-key-0123456789-abcdefghijklmnop");
        env.put("PAYORCH_WEBHOOKS_ENCRYPTION_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
        env.put("PAYORCH_SECURITY_MERCHANTS_ACME_SECRET", "acme-real-secret-0123456789");
        env.put("PAYORCH_SECURITY_ADMINS_OPS_SECRET", "ops-real-secret-0123456789");
        for (String p : new String[]{"AOP", "OQPAY", "BOS", "RAZORPAY", "DMT"}) {
            env.put("PAYORCH_PROVIDERS_" + p + "_BASE_URL", "https://" + p.toLowerCase() + ".example.invalid");
            env.put("PAYORCH_PROVIDERS_" + p + "_WEBHOOK_SECRET", p.toLowerCase() + "-webhook-real-secret");
        }
        env.put("PAYORCH_PROVIDERS_BOS_USERNAME", "bos-client");
        env.put("PAYORCH_PROVIDERS_BOS_PASSWORD", "bos-real-secret");
        env.put("PAYORCH_PROVIDERS_RAZORPAY_USERNAME", "rzp_live_key");
        env.put("PAYORCH_PROVIDERS_RAZORPAY_PASSWORD", "rzp-real-secret");
        return env;
    }

    static Stream<Arguments> unsafeSettings() {
        return Stream.of(
                Arguments.of("DATASOURCES_DEFAULT_URL", null, "datasources.default.url (DATASOURCES_DEFAULT_URL) is not set"),
                Arguments.of("PAYORCH_PII_HASH_KEY", null, "payorch.pii.hash-key (PAYORCH_PII_HASH_KEY) is not set"),
                Arguments.of("PAYORCH_PII_HASH_KEY", "sandbox-pii-hash-key-not-a-secret-0001", "payorch.pii.hash-key (PAYORCH_PII_HASH_KEY) holds a sandbox secret"),
                Arguments.of("PAYORCH_SECURITY_MERCHANTS_ACME_SECRET", "sandbox-secret", "payorch.security.merchants.acme.secret (PAYORCH_SECURITY_MERCHANTS_ACME_SECRET) holds a sandbox secret"),
                Arguments.of("PAYORCH_SECURITY_ADMINS_OPS_SECRET", null, "no admin client is configured"),
                Arguments.of("PAYORCH_SECURITY_ADMINS_OPS_SECRET", "ops-secret-23-characters".substring(1), "payorch.security.admins.ops.secret (PAYORCH_SECURITY_ADMINS_OPS_SECRET) is shorter than 24 characters"),
                Arguments.of("PAYORCH_PROVIDERS_RAZORPAY_PASSWORD", null, "payorch.providers.razorpay.password (PAYORCH_PROVIDERS_RAZORPAY_PASSWORD) is not set"),
                Arguments.of("PAYORCH_PROVIDERS_BOS_USERNAME", null, "payorch.providers.bos.username (PAYORCH_PROVIDERS_BOS_USERNAME) is not set: bos is enabled without its credentials"),
                Arguments.of("PAYORCH_PROVIDERS_AOP_WEBHOOK_SECRET", "sandbox-webhook-secret", "payorch.providers.aop.webhook-secret (PAYORCH_PROVIDERS_AOP_WEBHOOK_SECRET) holds a sandbox secret"),
                Arguments.of("PAYORCH_PROVIDERS_DMT_BASE_URL", null, "payorch.providers.dmt.base-url (PAYORCH_PROVIDERS_DMT_BASE_URL) is not set"));
    }

    @Test
    void aSafeConfigurationPassesTheGuardAndStartsNoSandbox() throws Exception {
        try (PayorchProcess payorch = PayorchProcess.start(safe())) {
            int exit = payorch.awaitExit(Duration.ofSeconds(90));
            String output = payorch.output();
            assertFalse(output.contains("refuses to start"), output);
            assertFalse(output.contains("embedded PostgreSQL"), output);
            assertTrue(exit != 0, "the unreachable database must stop it: " + output);
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("unsafeSettings")
    void refusesToStartNamingTheSetting(String variable, String value, String expectedLine) throws Exception {
        Map<String, String> env = safe();
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }
        try (PayorchProcess payorch = PayorchProcess.start(env)) {
            int exit = payorch.awaitExit(Duration.ofSeconds(60));
            String output = payorch.output();
            assertEquals(2, exit, output);
            assertTrue(output.contains(expectedLine), "expected «" + expectedLine + "» in:\n" + output);
            assertFalse(output.contains("real-secret"), "a secret value was printed");
        }
    }
}
