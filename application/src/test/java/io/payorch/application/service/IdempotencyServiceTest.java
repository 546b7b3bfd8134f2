package io.payorch.application.service;

import io.payorch.application.idempotency.IdempotencyDecision;
import io.payorch.application.idempotency.IdempotencyKey;
import io.payorch.application.idempotency.StoredResponse;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.port.out.IdempotencyStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The decisions of the idempotency rules, over an in-memory store with the port's semantics. */
class IdempotencyServiceTest {

    private static final IdempotencyKey KEY = new IdempotencyKey("merchant-1", "create-qr", "k-1");
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":\"qr_1\"}".getBytes(StandardCharsets.UTF_8), "/v1/qr-codes/qr_1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final MemoryStore store = new MemoryStore();
    private final AtomicInteger ids = new AtomicInteger();
    private final IdempotencyService service = new IdempotencyService(store, p -> p + "_" + ids.incrementAndGet(), clock,
            Duration.ofHours(24), Duration.ofMinutes(2));

    @Test
    void theFirstRequestProceedsAndItsAnswerIsReplayedForTheSameBody() {
        IdempotencyDecision.Proceed first = assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h1"));
        assertInstanceOf(IdempotencyDecision.InFlight.class, service.begin(KEY, "h1"));
        service.finish(KEY, first.token(), CREATED);
        clock.advance(Duration.ofHours(23));
        IdempotencyDecision.Replay replay = assertInstanceOf(IdempotencyDecision.Replay.class, service.begin(KEY, "h1"));
        assertEquals(CREATED, replay.response());
    }

    @Test
    void anotherBodyUnderTheSameKeyIsAMismatchWhetherInFlightOrDone() {
        IdempotencyDecision.Proceed first = assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h1"));
        assertInstanceOf(IdempotencyDecision.Mismatch.class, service.begin(KEY, "h2"));
        service.finish(KEY, first.token(), CREATED);
        assertInstanceOf(IdempotencyDecision.Mismatch.class, service.begin(KEY, "h2"));
    }

    @Test
    void anAbandonedClaimFreesTheKey() {
        IdempotencyDecision.Proceed first = assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h1"));
        service.abandon(KEY, first.token());
        assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h2"));
    }

    @Test
    void aClaimOlderThanTheTakeoverTimeIsTakenOverOnceAndTheOldHolderCannotFinish() {
        IdempotencyDecision.Proceed dead = assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h1"));
        clock.advance(Duration.ofSeconds(119));
        assertInstanceOf(IdempotencyDecision.InFlight.class, service.begin(KEY, "h1"));
        clock.advance(Duration.ofSeconds(1));
        IdempotencyDecision.Proceed retry = assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h1"));
        assertInstanceOf(IdempotencyDecision.InFlight.class, service.begin(KEY, "h1"));
        service.finish(KEY, dead.token(), new StoredResponse(504, "application/problem+json", new byte[0], null));
        service.finish(KEY, retry.token(), CREATED);
        assertEquals(CREATED, ((IdempotencyDecision.Replay) service.begin(KEY, "h1")).response());
    }

    @Test
    void aRecordPastItsRetentionIsForgottenAndPurged() {
        IdempotencyDecision.Proceed first = assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h1"));
        service.finish(KEY, first.token(), CREATED);
        clock.advance(Duration.ofHours(24));
        assertInstanceOf(IdempotencyDecision.Proceed.class, service.begin(KEY, "h2"));
        clock.advance(Duration.ofHours(25));
        assertEquals(1, service.purgeExpired());
    }

    @Test
    void keysAreBoundedPrintableAndRetentionIsAtLeastADay() {
        assertThrows(InvalidRequestException.class, () -> new IdempotencyKey("m", "op", "k".repeat(256)));
        assertThrows(InvalidRequestException.class, () -> new IdempotencyKey("m", "op", ""));
        assertThrows(InvalidRequestException.class, () -> new IdempotencyKey("m", "op", "with space"));
        assertEquals(255, new IdempotencyKey("m", "op", "k".repeat(255)).key().length());
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyService(store, p -> p, clock,
                Duration.ofHours(23), Duration.ofMinutes(2)));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The port's contract in memory: insert only if absent, token-guarded updates. */
    private static final class MemoryStore implements IdempotencyStore {
        private final Map<IdempotencyKey, Existing> rows = new HashMap<>();

        @Override
        public synchronized boolean insertClaim(IdempotencyKey key, String hash, String token, Instant now, Instant expiresAt) {
            return rows.putIfAbsent(key, new Existing(hash, token, now, expiresAt, Optional.empty())) == null;
        }

        @Override
        public synchronized Optional<Existing> find(IdempotencyKey key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public synchronized boolean takeOver(IdempotencyKey key, String previous, String hash, String token, Instant now,
                                             Instant expiresAt) {
            Existing e = rows.get(key);
            if (e == null || !e.claimToken().equals(previous)) {
                return false;
            }
            rows.put(key, new Existing(hash, token, now, expiresAt, Optional.empty()));
            return true;
        }

        @Override
        public synchronized boolean complete(IdempotencyKey key, String token, StoredResponse response, Instant at) {
            Existing e = rows.get(key);
            if (e == null || !e.claimToken().equals(token)) {
                return false;
            }
            rows.put(key, new Existing(e.requestHash(), token, e.claimedAt(), e.expiresAt(), Optional.of(response)));
            return true;
        }

        @Override
        public synchronized void release(IdempotencyKey key, String token) {
            Existing e = rows.get(key);
            if (e != null && e.claimToken().equals(token) && e.response().isEmpty()) {
                rows.remove(key);
            }
        }

        @Override
        public synchronized int purgeExpired(Instant now) {
            int before = rows.size();
            rows.values().removeIf(e -> !e.expiresAt().isAfter(now));
            return before - rows.size();
        }
    }
}
