package io.payorch.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Expires due {@code ACTIVE} QRs in PostgreSQL. Each call is one transaction that claims at most
 * {@code limit} due rows no other sweeper holds ({@code FOR UPDATE SKIP LOCKED}), marks them
 * {@code EXPIRED} with a new version and writes exactly one event for each.
 */
public interface QrExpiryPort {

    ExpiredBatch expireDue(Instant now, int limit);

    /** The expiry of the oldest QR that is due at {@code now} and still {@code ACTIVE}. */
    Optional<Instant> oldestDue(Instant now);
}
