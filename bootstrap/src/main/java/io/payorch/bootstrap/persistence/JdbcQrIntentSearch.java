package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.QrFilter;
import io.payorch.application.admin.RecentOutcomes;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.port.out.QrIntentSearchPort;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin reads of QR intents: keyset pages over (created_at DESC, id DESC), counts, provider outcomes. */
@Singleton
public class JdbcQrIntentSearch implements QrIntentSearchPort {

    /** Served by qr_intent_status_created_idx: only the open rows are read, however many finished ones there are. */
    static final String OPEN_COUNTS_SQL = "SELECT provider, status, count(*) FROM qr_intent WHERE status IN ("
            + SqlWhere.literals(QrStatus.open()) + ") GROUP BY provider, status ORDER BY provider, status";

    private final TransactionOperations<Connection> transactions;

    JdbcQrIntentSearch(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<QrIntent> search(QrFilter filter, PageCursor after, int limit) {
        SqlWhere where = new SqlWhere()
                .equal("status", filter.status() == null ? null : filter.status().name())
                .equal("provider", filter.provider() == null ? null : filter.provider().name())
                .equal("registration_id", filter.registrationId())
                .equal("merchant_id", filter.merchant())
                .atLeast("created_at", filter.createdFrom())
                .before("created_at", filter.createdTo())
                .after(after == null ? null : after.createdAt(), after == null ? null : after.id());
        String sql = "SELECT " + QrRows.COLUMNS + " FROM qr_intent" + where.sql() + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(where.bind(s), limit);
                List<QrIntent> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(QrRows.read(r));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<StatusCount> countByProviderAndStatus(String merchant) {
        // the counts kept by V17's triggers: a few rows per provider and state, however many QRs there are
        SqlWhere where = new SqlWhere().equal("kind", "qr").equal("merchant_id", merchant);
        return counts("SELECT NULLIF(provider, ''), status, sum(n) FROM state_count" + where.sql()
                + " GROUP BY provider, status HAVING sum(n) <> 0 ORDER BY provider, status", where);
    }

    @Override
    public List<StatusCount> countOpenByProviderAndStatus() {
        return counts(OPEN_COUNTS_SQL, new SqlWhere());
    }

    private List<StatusCount> counts(String sql, SqlWhere where) {
        return StatusCounts.read(transactions, sql, where, true);
    }

    @Override
    public RecentOutcomes recentOutcomes(String provider, int calls) {
        String sql = "SELECT outcome, count(*), max(at) FROM (SELECT outcome, at FROM qr_provider_attempt"
                + " WHERE provider = ? ORDER BY at DESC LIMIT ?) recent GROUP BY outcome ORDER BY outcome";
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, provider);
                s.setInt(2, calls);
                Map<String, Long> counts = new LinkedHashMap<>();
                Instant last = null;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.put(r.getString(1), r.getLong(2));
                        Instant at = r.getTimestamp(3).toInstant();
                        last = last == null || at.isAfter(last) ? at : last;
                    }
                }
                return new RecentOutcomes(counts, last);
            }
        });
    }
}
