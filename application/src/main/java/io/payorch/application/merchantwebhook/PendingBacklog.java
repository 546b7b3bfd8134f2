package io.payorch.application.merchantwebhook;

import java.time.Instant;

/**
 * The deliveries waiting to be sent, as operations see them: how many (counted up to a cap, so the
 * count stays cheap however large the backlog; {@code capped} means "at least {@code pending}"),
 * when the oldest of them was created, and the earliest next attempt.
 *
 * @param oldestCreatedAt the oldest creation among the counted rows: exact unless {@code capped},
 *                        then a lower bound of the oldest one's age
 * @param earliestDueAt   the earliest next attempt of all pending deliveries (exact); null when none
 */
public record PendingBacklog(long pending, boolean capped, Instant oldestCreatedAt, Instant earliestDueAt) {

    public static final PendingBacklog NONE = new PendingBacklog(0, false, null, null);
}
