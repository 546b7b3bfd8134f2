package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.payorch.bootstrap.config.ProviderProperties;
import io.payorch.bootstrap.config.ProviderRegistry;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BOS under {@code /sandbox/bos}: its token endpoint ({@code POST /api/BOS/V4/Token} with
 * {@code {"username", "password"}} → {@code {"access_token", "token_type": "Bearer", "expires_in": 600}})
 * and its V4 DynamicQRCode, which answers like AOPay's but only with a live bearer token.
 */
@Controller("/sandbox/bos")
@Requires(env = "sandbox")
public class BosSimulatorController {

    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(600);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final V4QrSimulator simulator;
    private final ProviderRegistry providers;
    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    BosSimulatorController(Clock clock, SimulatorResponses responses, ProviderRegistry providers) {
        this.simulator = new V4QrSimulator("BOS", "payorch.bos@sandbox", clock, responses);
        this.providers = providers;
        this.clock = clock;
    }

    /** The QRs this simulator issued, for sandbox payments. */
    public SimulatedQrRegistry issued() {
        return simulator.issued();
    }

    @Post("/api/BOS/V4/Token")
    MutableHttpResponse<?> token(@Body @Nullable Map<String, Object> body) {
        ProviderProperties configured = providers.properties("bos");
        Object username = body == null ? null : body.get("username");
        Object password = body == null ? null : body.get("password");
        if (!matches(configured.getUsername(), username) || !matches(configured.getPassword(), password)) {
            return error(HttpStatus.UNAUTHORIZED, "401", "Invalid credentials");
        }
        Instant now = clock.instant();
        tokens.values().removeIf(expiry -> !now.isBefore(expiry));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.put(token, now.plus(TOKEN_LIFETIME));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post("/api/BOS/V4/DynamicQRCode")
    CompletableFuture<MutableHttpResponse<?>> dynamicQr(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                                        @Body @Nullable Map<String, Object> body) {
        if (!liveToken(authorization)) {
            return CompletableFuture.completedFuture(error(HttpStatus.UNAUTHORIZED, "401", "Invalid or expired token"));
        }
        return simulator.create(body);
    }

    private boolean liveToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expiry = tokens.get(authorization.substring("Bearer ".length()).trim());
        return expiry != null && clock.instant().isBefore(expiry);
    }

    private static boolean matches(String configured, Object given) {
        return configured != null && given instanceof String text
                && MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8));
    }

    private static MutableHttpResponse<?> error(HttpStatus status, String subCode, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "ERROR");
        answer.put("subCode", subCode);
        answer.put("message", message);
        return HttpResponse.status(status).body(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
