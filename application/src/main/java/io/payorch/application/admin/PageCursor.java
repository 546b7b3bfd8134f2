package io.payorch.application.admin;

import io.payorch.application.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The keyset position after which a page starts: the (createdAt, id) of the last item seen.
 * Clients get it as an opaque base64url token; rows inserted later sort before it, so walking
 * pages never repeats or skips a row that existed when the walk began.
 */
public record PageCursor(Instant createdAt, String id) {

    public static final String FIELD = "cursor";

    public PageCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
        String plain = "v1:" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidRequestException for anything not made by {@link #encode()}, such as an id with a
     *                                 control character (a NUL would not even reach the database)
     */
    public static PageCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3 || !"v1".equals(parts[0]) || parts[2].isEmpty() || parts[2].length() > 64
                    || parts[2].chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("shape");
            }
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new PageCursor(at, parts[2]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw InvalidRequestException.of(FIELD, "is not a cursor returned by this API");
        }
    }
}
