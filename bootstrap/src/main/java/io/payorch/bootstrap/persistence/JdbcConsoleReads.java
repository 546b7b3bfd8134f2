package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.console.ProviderActivity.FailureCount;
import io.payorch.application.console.ProviderActivity.Window;
import io.payorch.application.port.out.ConsoleReadPort;
import io.payorch.domain.Provider;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's reads over provider attempts and payments. An attempt succeeded when its outcome ends
 * in {@code accepted} (accepted, close_accepted, reconcile_accepted); the windows are index-only scans of
 * qr_provider_attempt_window_idx, the failures read qr_provider_attempt_failure_idx (V17).
 */
@Singleton
class JdbcConsoleReads implements ConsoleReadPort {

    private static final String PROVIDERS = SqlWhere.literals(Arrays.asList(Provider.values()));
    private static final String ATTEMPTS = "SELECT provider, count(*) FILTER (WHERE outcome LIKE '%accepted'), count(*)"
            + " FROM qr_provider_attempt WHERE provider IN (" + PROVIDERS + ") AND at >= ? GROUP BY provider";
    private static final String FAILURES = "SELECT provider, outcome, detail, n FROM ("
            + " SELECT provider, outcome, detail, count(*) n,"
            + "  row_number() OVER (PARTITION BY provider ORDER BY count(*) DESC, outcome, detail) rank"
            + " FROM qr_provider_attempt WHERE outcome NOT LIKE '%accepted' AND at >= ?"
            + " GROUP BY provider, outcome, detail) ranked WHERE rank <= ? ORDER BY provider, n DESC";
    private static final String LATEST = "SELECT outcome LIKE '%accepted' FROM qr_provider_attempt"
            + " WHERE provider = ? ORDER BY at DESC LIMIT ?";
    private static final String BY_PROVIDER_REFERENCE = "SELECT id FROM qr_intent WHERE provider IN (" + PROVIDERS + ")"
            + " AND provider_reference = ? ORDER BY created_at DESC LIMIT 1";
    private static final String BY_PAYMENT_REFERENCE = "SELECT qr_id FROM ("
            + " SELECT qr_id, received_at FROM qr_payment WHERE upi_reference = ? AND qr_id IS NOT NULL"
            + " UNION ALL SELECT qr_id, received_at FROM qr_payment WHERE provider IN (" + PROVIDERS + ")"
            + " AND payment_id = ? AND qr_id IS NOT NULL) p ORDER BY received_at DESC LIMIT 1";

    private final TransactionOperations<Connection> transactions;

    JdbcConsoleReads(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<String, Window> attempts(Instant since) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(ATTEMPTS)) {
                s.setTimestamp(1, Timestamp.from(since));
                Map<String, Window> windows = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        windows.put(r.getString(1), new Window(r.getLong(3), r.getLong(2)));
                    }
                }
                return windows;
            }
        });
    }

    @Override
    public List<FailureCount> failures(Instant since, int perProvider) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(FAILURES)) {
                s.setTimestamp(1, Timestamp.from(since));
                s.setInt(2, perProvider);
                List<FailureCount> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new FailureCount(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public int consecutiveFailures(String provider, int upTo) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(LATEST)) {
                s.setString(1, provider);
                s.setInt(2, upTo);
                int failing = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next() && !r.getBoolean(1)) {
                        failing++;
                    }
                }
                return failing;
            }
        });
    }

    @Override
    public Optional<String> qrIdByProviderReference(String reference) {
        return first(BY_PROVIDER_REFERENCE, reference);
    }

    @Override
    public Optional<String> qrIdByPaymentReference(String reference) {
        return first(BY_PAYMENT_REFERENCE, reference, reference);
    }

    private Optional<String> first(String sql, String... values) {
        return SqlTransactions.read(transactions, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setString(i + 1, values[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
