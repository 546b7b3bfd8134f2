package io.payorch.application.port.out;

import io.payorch.application.console.ConsoleSession;

import java.time.Instant;
import java.util.Optional;

/** Console sessions, kept by the SHA-256 of their token (never the token itself). */
public interface ConsoleSessionStore {

    void insert(String tokenHash, String adminId, Instant now);

    Optional<ConsoleSession> find(String tokenHash);

    /** Records activity: the session's idle time restarts at {@code now}. */
    void touch(String tokenHash, Instant now);

    void delete(String tokenHash);

    /** Forgets sessions idle since before {@code idleSince} or started before {@code startedBefore}. */
    int deleteEnded(Instant idleSince, Instant startedBefore);
}
