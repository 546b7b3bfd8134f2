package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.admin.OtpFilter;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtpStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

/**
 * Admin reads of {@code transfer_otp} and {@code transfer_otp_event}, through the one row mapping
 * ({@link TransferOtpRows}): only the masked mobile is ever selected.
 */
@Singleton
public class JdbcTransferOtpReader implements TransferOtpReadPort {

    /** The open states are transfer_otp_open_status_idx's own predicate (V7), which lets this count use that index. */
    static final String OPEN_COUNTS_SQL = "SELECT status, count(*) FROM transfer_otp WHERE status IN ("
            + SqlWhere.literals(TransferOtpStatus.open()) + ") GROUP BY status ORDER BY status";

    private final TransactionOperations<Connection> transactions;

    JdbcTransferOtpReader(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
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
        String sql = "SELECT " + TransferOtpRows.COLUMNS + " FROM transfer_otp" + where.sql()
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(where.bind(s), limit);
                return TransferOtpRows.readAll(s).stream().map(TransferOtpRecord::of).toList();
            }
        });
    }

    @Override
    public Optional<TransferOtpRecord> findById(String id) {
        if (!QrRows.storableId(id)) {
            return Optional.empty();
        }
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + TransferOtpRows.COLUMNS
                    + " FROM transfer_otp WHERE id = ?")) {
                s.setString(1, id);
                return TransferOtpRows.readAll(s).stream().findFirst().map(TransferOtpRecord::of);
            }
        });
    }

    @Override
    public List<StateChange> history(String id) {
        return SqlTransactions.read(transactions, c -> TransferOtpRows.history(c, id));
    }

    @Override
    public List<StatusCount> countByStatus(String merchant) {
        // the counts kept by V17's triggers, not a scan of every OTP
        SqlWhere where = new SqlWhere().equal("kind", "otp").equal("merchant_id", merchant);
        return counts("SELECT status, sum(n) FROM state_count" + where.sql()
                + " GROUP BY status HAVING sum(n) <> 0 ORDER BY status", where);
    }

    @Override
    public List<StatusCount> countOpenByStatus() {
        return counts(OPEN_COUNTS_SQL, new SqlWhere());
    }

    private List<StatusCount> counts(String sql, SqlWhere where) {
        return StatusCounts.read(transactions, sql, where, false);
    }
}
