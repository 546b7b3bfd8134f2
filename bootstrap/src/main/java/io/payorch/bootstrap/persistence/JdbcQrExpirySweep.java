package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.port.out.QrExpiryPort;
import io.payorch.domain.QrStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * The QR expiry sweep in plain SQL. One call = one transaction and one set-based statement: claim
 * up to {@code limit} due {@code ACTIVE} rows with {@code FOR UPDATE SKIP LOCKED} (rows another
 * sweeper holds are skipped, never waited for), mark them {@code EXPIRED} with a new version, and
 * write exactly one event each, whose reason is the domain's ({@code QrIntent.expire}:
 * "expired at " and the expiry as {@link java.time.Instant#toString()} writes it).
 */
@Singleton
public class JdbcQrExpirySweep extends SetBasedExpiry implements QrExpiryPort {

    private static final String SOURCE = "sweep";
    /** {@code Instant.toString()} of a microsecond timestamp: no fraction, or 3 or 6 digits. */
    private static final String INSTANT_TEXT = "to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
            + " || CASE WHEN extract(microseconds FROM expires_at)::bigint % 1000000 = 0 THEN ''"
            + " WHEN extract(microseconds FROM expires_at)::bigint % 1000 = 0 THEN to_char(expires_at AT TIME ZONE 'UTC', '.MS')"
            + " ELSE to_char(expires_at AT TIME ZONE 'UTC', '.US') END || 'Z'";
    private static final String EXPIRE = "WITH due AS ("
            + "  SELECT id FROM qr_intent WHERE status = '" + QrStatus.ACTIVE + "' AND expires_at <= ?"
            + "  ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED"
            + "), expired AS ("
            + "  UPDATE qr_intent q SET status = '" + QrStatus.EXPIRED + "', version = q.version + 1, updated_at = ?"
            + "    FROM due WHERE q.id = due.id"
            + "  RETURNING q.id, q.provider, q.expires_at"
            + "), events AS ("
            + "  INSERT INTO qr_intent_event (qr_id, from_status, to_status, at, reason, source)"
            + "  SELECT id, '" + QrStatus.ACTIVE + "', '" + QrStatus.EXPIRED + "', ?, 'expired at ' || " + INSTANT_TEXT
            + ", '" + SOURCE + "' FROM expired"
            + ") SELECT id, provider, expires_at FROM expired";
    private static final String OLDEST = "SELECT min(expires_at) FROM qr_intent WHERE status = 'ACTIVE' AND expires_at <= ?";

    JdbcQrExpirySweep(TransactionOperations<Connection> transactions) {
        super(transactions, EXPIRE, OLDEST);
    }
}
