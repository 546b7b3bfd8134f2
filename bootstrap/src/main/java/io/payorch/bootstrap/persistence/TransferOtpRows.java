package io.payorch.bootstrap.persistence;

import io.payorch.domain.Money;
import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtp;
import io.payorch.domain.TransferOtpStatus;
import io.payorch.domain.TransferType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping of a {@code transfer_otp} row to a {@link TransferOtp}, and of its
 * {@code transfer_otp_event} rows to the history. The keyed hash of the mobile is written once, at
 * insert, and never selected: no read needs it, so it never leaves the database.
 */
final class TransferOtpRows {

    static final String COLUMNS = "id, registration_id, remitter_mobile_masked, beneficiary_id, transfer_type,"
            + " amount_paise, status, provider_state, sent_at, expires_at, failure_reason, created_at, version,"
            + " merchant_id";

    private static final String HISTORY = "SELECT from_status, to_status, at, reason, source FROM transfer_otp_event"
            + " WHERE otp_id = ? ORDER BY id";

    private TransferOtpRows() {
    }

    static TransferOtp read(ResultSet r) throws SQLException {
        return TransferOtp.restore(new TransferOtp.Snapshot(r.getString("id"), r.getString("registration_id"),
                r.getString("remitter_mobile_masked"), null, r.getString("beneficiary_id"),
                TransferType.valueOf(r.getString("transfer_type")), Money.ofPaise(r.getLong("amount_paise")),
                QrRows.instant(r, "created_at"), r.getLong("version"), TransferOtpStatus.valueOf(r.getString("status")),
                r.getString("provider_state"), QrRows.instant(r, "sent_at"), QrRows.instant(r, "expires_at"),
                r.getString("failure_reason"), r.getString("merchant_id")));
    }

    static List<TransferOtp> readAll(PreparedStatement statement) throws SQLException {
        List<TransferOtp> found = new ArrayList<>();
        try (ResultSet r = statement.executeQuery()) {
            while (r.next()) {
                found.add(read(r));
            }
        }
        return found;
    }

    static List<StateChange> history(Connection connection, String otpId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(HISTORY)) {
            s.setString(1, otpId);
            List<StateChange> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new StateChange(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                            r.getString(4), r.getString(5)));
                }
            }
            return events;
        }
    }
}
