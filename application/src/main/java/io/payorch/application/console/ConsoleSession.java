package io.payorch.application.console;

import java.time.Instant;

/** An admin's console session: who, when it started, when it was last used. */
public record ConsoleSession(String adminId, Instant createdAt, Instant lastSeenAt) {
}
