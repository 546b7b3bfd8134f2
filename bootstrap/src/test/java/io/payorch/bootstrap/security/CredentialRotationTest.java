package io.payorch.bootstrap.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotating API credentials over HTTP: {@code acme} has a current and a previous secret,
 * {@code globex} only the SHA-256 of its secret, admin {@code ops} a hashed current secret and a
 * plain previous one. Failed authentications are counted by reason and logged with the client id,
 * never the secret.
 */
@MicronautTest(environments = "sandbox")
class CredentialRotationTest extends ApiTestSupport {

    private static final String ACME_NEW = "acme-new-secret-9f2b7c41d8e05a63";
    private static final String ACME_OLD = "acme-old-secret-1c7e4a90b3f2d856";
    private static final String GLOBEX = "globex-secret-only-its-hash-is-configured-4e1f";
    private static final String OPS_NEW = "ops-new-admin-secret-77d0c3b9a1e2";
    private static final String OPS_OLD = "ops-old-admin-secret-05b8e6f4c2a9";
    private static final String GUESS = "a-guessed-secret-0d9c3e";
    private static final Pattern FAILURES = Pattern.compile("payorch_auth_failures_total\\{reason=\"([a-z_]+)\"} ([0-9.]+)");

    @Inject
    Environment environment;

    private final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    };

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep(
                "payorch.security.merchants.acme.secret", ACME_NEW,
                "payorch.security.merchants.acme.previous-secret", ACME_OLD,
                "payorch.security.merchants.globex.secret-sha256", sha256Hex(GLOBEX),
                "payorch.security.admins.ops.secret-sha256", sha256Hex(OPS_NEW).toUpperCase(),
                "payorch.security.admins.ops.previous-secret", OPS_OLD);
    }

    @BeforeAll
    void setUp() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
    }

    @AfterAll
    void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    }

    @Test
    void theCurrentAndThePreviousSecretBothAuthenticateAndNothingElseDoes() {
        assertEquals(404, api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("acme", ACME_NEW)).statusCode());
        assertEquals(404, api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("acme", ACME_OLD)).statusCode());
        assertEquals(401, api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("acme", GUESS)).statusCode());
        assertEquals(401, api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("globex", ACME_OLD)).statusCode(),
                "a previous secret belongs to its own client only");
        assertEquals(200, api.get("/admin/stats", ApiCalls.basic("ops", OPS_NEW)).statusCode());
        assertEquals(200, api.get("/admin/stats", ApiCalls.basic("ops", OPS_OLD)).statusCode());
        assertEquals(401, api.get("/admin/stats", ApiCalls.basic("ops", ACME_NEW)).statusCode());
    }

    @Test
    void withOnlyItsHashConfiguredTheSecretAuthenticatesAndTheConfigurationHoldsNothingUsable() {
        assertEquals(404, api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("globex", GLOBEX)).statusCode());
        String configured = environment.getProperty("payorch.security.merchants.globex.secret-sha256", String.class)
                .orElseThrow();
        assertEquals(401, api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("globex", configured)).statusCode(),
                "the hash itself is no password");
        assertTrue(environment.getProperties("payorch.security.merchants.globex").values().stream()
                .noneMatch(v -> GLOBEX.equals(String.valueOf(v))), "the secret is nowhere in the configuration");
    }

    @Test
    void failuresAreCountedByReasonAndLoggedWithTheClientIdButNeverTheSecret() {
        Map<String, Double> before = failures();
        api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("acme", GUESS));
        api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("acme", GUESS));
        api.get("/v1/qr-codes/qr_unknown", ApiCalls.basic("nobody-" + "x".repeat(80) + "\nforged line", GUESS));
        api.get("/v1/qr-codes/qr_unknown", "Basic !!!not-base64!!!");
        api.get("/v1/qr-codes/qr_unknown", null);
        Map<String, Double> after = failures();
        assertEquals(2.0, after.getOrDefault("wrong_secret", 0.0) - before.getOrDefault("wrong_secret", 0.0), after.toString());
        assertEquals(1.0, after.getOrDefault("unknown_client", 0.0) - before.getOrDefault("unknown_client", 0.0), after.toString());
        assertEquals(1.0, after.getOrDefault("malformed_credentials", 0.0)
                - before.getOrDefault("malformed_credentials", 0.0), "no credentials at all is not a failed login: " + after);

        List<String> lines;
        synchronized (events) {
            lines = events.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("authentication failed")).toList();
        }
        assertTrue(lines.stream().anyMatch(m -> m.contains("(wrong_secret) for client id 'acme'")), lines.toString());
        assertTrue(lines.stream().anyMatch(m -> m.contains("(unknown_client) for client id 'nobody-xxx")
                && m.contains("...") && !m.contains("\n")), lines.toString());
        synchronized (events) {
            for (ILoggingEvent e : events) {
                assertFalse(e.getFormattedMessage().contains(GUESS), e.getFormattedMessage());
            }
        }
    }

    private Map<String, Double> failures() {
        String metrics = api.get("/prometheus", ApiCalls.basic("ops", OPS_NEW)).body();
        Map<String, Double> counts = new java.util.HashMap<>();
        Matcher m = FAILURES.matcher(metrics);
        while (m.find()) {
            counts.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return counts;
    }

    static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
