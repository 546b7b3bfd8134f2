package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.port.out.OtpExpiryPort;
import io.payorch.domain.TransferOtpStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * The transfer-OTP expiry sweep in plain SQL, against {@code transfer_otp} (id, status,
 * expires_at, version, updated_at) and {@code transfer_otp_event} (otp_id, from_status, to_status,
 * at, reason, source). One call = one transaction and one statement: claim up to {@code limit}
 * due sent OTPs with {@code FOR UPDATE SKIP LOCKED}, mark them {@code EXPIRED} with a new version,
 * and write exactly one event each. Only the columns above are touched, so that this class
 * follows the transfer-OTP store's schema with nothing more than these names.
 */
@Singleton
public class JdbcOtpExpirySweep extends SetBasedExpiry implements OtpExpiryPort {

    /** The domain's reason for this transition ({@code TransferOtp.expire}). */
    static final String REASON = "OTP validity of 90 s passed";

    private static final String SENT = "('" + TransferOtpStatus.OTP_SENT + "', '"
            + TransferOtpStatus.REGISTRATION_OTP_SENT + "')";
    private static final String EXPIRE = "WITH due AS ("
            + "  SELECT id, status FROM transfer_otp WHERE status IN " + SENT + " AND expires_at <= ?"
            + "  ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED"
            + "), expired AS ("
            + "  UPDATE transfer_otp o SET status = '" + TransferOtpStatus.EXPIRED + "', version = o.version + 1,"
            + "    updated_at = ? FROM due WHERE o.id = due.id"
            + "  RETURNING o.id, due.status AS from_status, o.expires_at"
            + "), events AS ("
            + "  INSERT INTO transfer_otp_event (otp_id, from_status, to_status, at, reason, source)"
            + "  SELECT id, from_status, '" + TransferOtpStatus.EXPIRED + "', ?, '" + REASON + "', 'sweep' FROM expired"
            + ") SELECT id, 'DMT' AS provider, expires_at FROM expired";
    private static final String OLDEST = "SELECT min(expires_at) FROM transfer_otp WHERE status IN " + SENT
            + " AND expires_at <= ?";

    JdbcOtpExpirySweep(TransactionOperations<Connection> transactions) {
        super(transactions, EXPIRE, OLDEST);
    }
}
