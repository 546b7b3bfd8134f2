package io.payorch.application.service;

import io.payorch.application.console.ConsoleSession;
import io.payorch.application.port.in.ConsoleSessionsUseCase;
import io.payorch.application.port.out.ConsoleSessionStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Console sessions: 256-bit random tokens, stored as their SHA-256; a session ends after
 * {@code idleTimeout} without a request or {@code maxAge} after it started, whichever comes first.
 * Activity is written at most every {@link #TOUCH_EVERY}, not on every page. The form token is the
 * SHA-256 of a label and the session token: only the holder of the cookie can know it, and it
 * needs no storage (a synchronizer token bound to the session).
 */
public final class ConsoleSessionService implements ConsoleSessionsUseCase {

    static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
    private static final int TOKEN_BYTES = 32;

    private final ConsoleSessionStore store;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();

    public ConsoleSessionService(ConsoleSessionStore store, Clock clock, Duration idleTimeout, Duration maxAge) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("the console idle timeout must be positive and at most its max age");
        }
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
    }

    @Override
    public String start(String adminId) {
        Instant now = clock.instant();
        store.deleteEnded(now.minus(idleTimeout), now.minus(maxAge));
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insert(hash(token), adminId, now);
        return token;
    }

    @Override
    public Optional<ConsoleSession> resume(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Optional<ConsoleSession> found = store.find(key);
        if (found.isEmpty()) {
            return found;
        }
        ConsoleSession session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.lastSeenAt().plus(idleTimeout)) || !now.isBefore(session.createdAt().plus(maxAge))) {
            store.delete(key);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
            store.touch(key, now);
            session = new ConsoleSession(session.adminId(), session.createdAt(), now);
        }
        return Optional.of(session);
    }

    @Override
    public void end(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            store.delete(hash(token));
        }
    }

    @Override
    public String formToken(String sessionToken) {
        return hash("console-form|" + sessionToken);
    }

    @Override
    public boolean formTokenMatches(String sessionToken, String presented) {
        if (sessionToken == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(formToken(sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
