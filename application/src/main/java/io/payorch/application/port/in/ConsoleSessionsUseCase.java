package io.payorch.application.port.in;

import io.payorch.application.console.ConsoleSession;

import java.util.Optional;

/**
 * Sessions of the operator console. The caller has already checked the admin's credentials; a
 * session is a random token the browser keeps in a cookie. Each session has its own anti-forgery
 * token, derived from the session token, that every state-changing form must carry.
 */
public interface ConsoleSessionsUseCase {

    /** Starts a session for this admin; answers the token to hand to the browser. */
    String start(String adminId);

    /** The live session of this token, its idle time restarted; empty when unknown, idle too long or too old. */
    Optional<ConsoleSession> resume(String token);

    /** Ends the session (logout); an unknown token is ignored. */
    void end(String token);

    /** The anti-forgery token that forms of this session carry. */
    String formToken(String sessionToken);

    /** Whether {@code presented} is this session's anti-forgery token (constant-time comparison). */
    boolean formTokenMatches(String sessionToken, String presented);
}
