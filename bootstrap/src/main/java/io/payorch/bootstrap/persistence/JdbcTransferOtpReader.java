package io.payorch.bootstrap.persistence;

import io.payorch.application.admin.OtpFilter;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Admin reads of {@code transfer_otp} and {@code transfer_otp_event}. Only the masked mobile is
 * selected: the keyed hash of the number never leaves the database.
 */
@Singleton
@Transactional
public class JdbcTransferOtpReader implements TransferOtpReadPort {

    private static final String COLUMNS = "id, registration_id, remitter_mobile_masked, beneficiary_id, transfer_type,"
            + " amount_paise, status, provider_state, sent_at, expires_at, failure_reason, created_at, merchant_id";


    /** The open states are transfer_otp_open_status_idx's own predicate (V7), which lets this count use that index. */
    static final String OPEN_COUNTS_SQL = "SELECT status, count(*) FROM transfer_otp WHERE status IN ("
            + SqlWhere.literals(TransferOtpStatus.open()) + ") GROUP BY status ORDER BY status";

    private final DataSource dataSource;

    JdbcTransferOtpReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<TransferOtpRecord> search(OtpFilter filter, PageCursor after, int limit) {
        SqlWhere where = new SqlWhere()
                .equal("status", filter.status() == null ? null : filter.status().name())
                .equal("registration_id", filter.registrationId())
                .equal("merchant_id", filter.merchant())
                .atLeast("created_at", filter.createdFrom())
                .before("created_at", filter.createdTo())
                .after(after == null ? null : after.createdAt(), after == null ? null : after.id());
        String sql = "SELECT " + COLUMNS + " FROM transfer_otp" + where.sql() + " ORDER BY created_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(where.bind(s), limit);
            List<TransferOtpRecord> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(record(r));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("transfer OTP search failed", e);
        }
    }

    @Override
    public Optional<TransferOtpRecord> findById(String id) {
        if (!QrRows.storableId(id)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM transfer_otp WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(record(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("transfer OTP read failed", e);
        }
    }

    @Override
    public List<StateChange> history(String id) {
        String sql = "SELECT from_status, to_status, at, reason, source FROM transfer_otp_event WHERE otp_id = ? ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            List<StateChange> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new StateChange(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                            r.getString(4), r.getString(5)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("transfer OTP history failed", e);
        }
    }

    @Override
    public List<StatusCount> countByStatus(String merchant) {
        SqlWhere where = new SqlWhere().equal("merchant_id", merchant);
        return counts("SELECT status, count(*) FROM transfer_otp" + where.sql() + " GROUP BY status ORDER BY status",
                where);
    }

    @Override
    public List<StatusCount> countOpenByStatus() {
        return counts(OPEN_COUNTS_SQL, new SqlWhere());
    }

    private List<StatusCount> counts(String sql, SqlWhere where) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            where.bind(s);
            List<StatusCount> counts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.add(new StatusCount(null, r.getString(1), r.getLong(2)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("transfer OTP counts failed", e);
        }
    }

    private static TransferOtpRecord record(ResultSet r) throws SQLException {
        return new TransferOtpRecord(r.getString("id"), r.getString("registration_id"),
                r.getString("remitter_mobile_masked"), r.getString("beneficiary_id"), r.getString("transfer_type"),
                r.getLong("amount_paise"), r.getString("status"), r.getString("provider_state"),
                QrRows.instant(r, "sent_at"), QrRows.instant(r, "expires_at"),
                r.getString("failure_reason"), QrRows.instant(r, "created_at"), r.getString("merchant_id"));
    }
}
