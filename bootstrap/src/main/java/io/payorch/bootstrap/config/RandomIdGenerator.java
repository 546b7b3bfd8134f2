package io.payorch.bootstrap.config;

import io.payorch.application.port.out.IdGenerator;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque ids such as {@code qr_01JD3...}: 48 bits of milliseconds then 80 random bits, in
 * Crockford base32, so that ids sort roughly by creation time and cannot be guessed.
 */
final class RandomIdGenerator implements IdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private final Clock clock;

    RandomIdGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String newId(String prefix) {
        long millis = clock.instant().toEpochMilli(); // TickClock.millis() divides by zero below 1 ms ticks on JDK 17
        byte[] random = new byte[10];
        RANDOM.get().nextBytes(random);
        StringBuilder id = new StringBuilder(prefix.length() + 27).append(prefix).append('_');
        for (int shift = 45; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (millis >>> shift) & 31]);
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int shift = 35; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (hi >>> shift) & 31]);
        }
        for (int shift = 35; shift >= 0; shift -= 5) {
            id.append(ALPHABET[(int) (lo >>> shift) & 31]);
        }
        return id.toString();
    }
}
