package io.payorch.bootstrap.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.FailedBeforeProviderCallException;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.idempotency.IdempotencyDecision;
import io.payorch.application.idempotency.IdempotencyKey;
import io.payorch.application.idempotency.StoredResponse;
import io.payorch.application.port.in.IdempotentRequestsUseCase;
import io.payorch.domain.DomainException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Idempotency-Key} for any POST endpoint, in one call:
 * {@code idempotency.execute(authentication, "create-qr", key, body, () -> doIt(body))}.
 * <ul>
 *   <li>no key: the action just runs;</li>
 *   <li>first request with the key: runs, and its status and body are stored and returned;</li>
 *   <li>same key and same body (compared by a digest of the canonical JSON): the stored answer,
 *       with {@code Idempotent-Replayed: true};</li>
 *   <li>same key, another body: 422 {@code idempotency_key_reused};</li>
 *   <li>while the first is still running: 409 {@code idempotency_key_in_flight}, {@code Retry-After};</li>
 *   <li>the action refused the request (validation, not found: nothing was done), or failed before
 *       any provider was called ({@link FailedBeforeProviderCallException}): the key is released, so
 *       the client may correct the request and retry with it;</li>
 *   <li>a provider outcome (201, 422 provider_rejected, 502, 504) is stored and replayed: the QR or
 *       OTP exists, and a retry must not make a second one or send a second OTP.</li>
 * </ul>
 * Any other failure keeps the claim: the request may have reached a provider, so a retry waits
 * (409) until the claim is old enough to be taken over.
 */
@Singleton
public class IdempotentExecution {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentExecution.class);

    private final IdempotentRequestsUseCase idempotency;
    private final JsonMapper json;

    private final byte[] hashKey;

    /**
     * @param hashKey {@code payorch.idempotency.hash-key}: when set, request digests are HMAC-SHA256
     *                under it, so a stored digest of a body holding a mobile number or an e-mail
     *                cannot be confirmed by guessing; every instance must share it
     */
    IdempotentExecution(IdempotentRequestsUseCase idempotency, JsonMapper json,
                        @Value("${payorch.idempotency.hash-key:}") String hashKey) {
        this.idempotency = idempotency;
        this.json = json;
        this.hashKey = hashKey == null ? new byte[0] : hashKey.getBytes(StandardCharsets.UTF_8);
    }

    public HttpResponse<?> execute(Authentication client, String operation, @Nullable String key, Object body,
                                   Supplier<HttpResponse<?>> action) {
        if (key == null) {
            return action.get();
        }
        String scope = client.getRoles().contains("ADMIN") ? "admin:" + client.getName() : client.getName();
        IdempotencyKey idempotencyKey = new IdempotencyKey(scope, operation, key);
        IdempotencyDecision decision = idempotency.begin(idempotencyKey, digest(body));
        if (decision instanceof IdempotencyDecision.Replay replay) {
            LOG.info("{}: replaying the stored {} for a repeated Idempotency-Key", operation, replay.response().status());
            return toResponse(replay.response()).header(REPLAYED, "true");
        }
        if (decision instanceof IdempotencyDecision.InFlight) {
            LOG.info("{}: Idempotency-Key still in flight, answering 409", operation);
            return Problem.of(HttpStatus.CONFLICT, "idempotency_key_in_flight",
                            "A request with this Idempotency-Key is still being processed; retry shortly.")
                    .toResponse().header(HttpHeaders.RETRY_AFTER, "1");
        }
        if (decision instanceof IdempotencyDecision.Mismatch) {
            LOG.warn("{}: Idempotency-Key reused with a different body, answering 422", operation);
            return Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
                    "This Idempotency-Key was already used with a different request body.").toResponse();
        }
        String token = ((IdempotencyDecision.Proceed) decision).token();
        HttpResponse<?> response;
        try {
            response = action.get();
        } catch (InvalidRequestException | DomainException | NotFoundException | FailedBeforeProviderCallException e) {
            release(operation, idempotencyKey, token);
            throw e;
        }
        StoredResponse stored = store(response);
        if (stored.status() >= 400 && stored.status() < 500 && stored.status() != 422) {
            release(operation, idempotencyKey, token);
        } else {
            idempotency.finish(idempotencyKey, token, stored);
        }
        return toResponse(stored);
    }

    /**
     * Frees the key of a request that changed nothing. Should that fail too (the database went away),
     * the claim stays until {@code takeover-after}, and the original failure is what the client sees.
     */
    private void release(String operation, IdempotencyKey key, String token) {
        try {
            idempotency.abandon(key, token);
        } catch (RuntimeException e) {
            LOG.warn("{}: the Idempotency-Key could not be released ({}); it is taken over after takeover-after",
                    operation, e.getClass().getSimpleName());
        }
    }

    private StoredResponse store(HttpResponse<?> response) {
        String type = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
        byte[] bytes;
        try {
            bytes = response.getBody().isEmpty() ? new byte[0] : json.writeValueAsBytes(response.getBody().get());
        } catch (IOException e) {
            throw new UncheckedIOException("the answer could not be serialised", e);
        }
        return new StoredResponse(response.code(), type, bytes, response.getHeaders().get(HttpHeaders.LOCATION));
    }

    private static MutableHttpResponse<byte[]> toResponse(StoredResponse stored) {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(stored.status()))
                .contentType(stored.contentType()).body(stored.body());
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        return response;
    }

    /** Digest of the body as canonical JSON: object keys sorted, nulls dropped, so field order does not matter. */
    String digest(Object body) {
        try {
            Object tree = body == null ? null : json.readValue(json.writeValueAsBytes(body), Object.class);
            StringBuilder canonical = new StringBuilder();
            canonical(tree, canonical);
            byte[] bytes = canonical.toString().getBytes(StandardCharsets.UTF_8);
            if (hashKey.length == 0) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be serialised", e);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("SHA-256 / HMAC-SHA256 unavailable", e);
        }
    }

    private void canonical(Object node, StringBuilder out) throws IOException {
        if (node instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<String, Object>(castMap(map)).entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(new String(json.writeValueAsBytes(e.getKey()), StandardCharsets.UTF_8)).append(':');
                canonical(e.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(new String(json.writeValueAsBytes(node), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
