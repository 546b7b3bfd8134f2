package io.payorch.bootstrap.lifecycle;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk rows for lifecycle tests, written with SQL. QR rows follow V1; transfer OTP rows need only
 * the columns the OTP sweep reads, and where the transfer-OTP migration is not there (it is built
 * on another branch) the two tables are created with just those columns. When it is there, its
 * other NOT NULL columns without a default get a plausible value by name or type.
 */
final class LifecycleRows {

    private final DataSource dataSource;

    /** Works on the pool itself: every call commits on its own, outside any test transaction. */
    LifecycleRows(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Inserts {@code count} QRs; the i-th (0-based) expires at {@code firstExpiry + i * stepMillis}. */
    void insertQrs(String registrationId, int count, String provider, String status, Instant firstExpiry,
                   long stepMillis, Instant createdAt) throws SQLException {
        String sql = "INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status,"
                + " provider_reference, upi_intent, expires_at, created_at, updated_at, version)"
                + " SELECT 'qr_' || ? || '_' || g, ?, ?, 1000, 'single_use', ?, ? || '-REF-' || g,"
                + " 'upi://pay?pa=test@upi&am=10.00', ?::timestamptz + (g * ? * interval '1 millisecond'), ?, ?, 0"
                + " FROM generate_series(0, ? - 1) g";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, registrationId + "_" + status);
            s.setString(2, registrationId);
            s.setString(3, provider);
            s.setString(4, status);
            s.setString(5, registrationId + "_" + status);
            s.setTimestamp(6, Timestamp.from(firstExpiry));
            s.setLong(7, stepMillis);
            s.setTimestamp(8, Timestamp.from(createdAt));
            s.setTimestamp(9, Timestamp.from(createdAt));
            s.setInt(10, count);
            s.executeUpdate();
        }
    }

    /** Whether this JVM's tests created the stand-in OTP tables (dropped again by {@link #dropStandInOtpTables()}). */
    private static boolean createdStandIn;

    synchronized void ensureOtpTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT to_regclass('transfer_otp') IS NULL")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return;
                }
            }
            createdStandIn = true;
            s.execute("CREATE TABLE IF NOT EXISTS transfer_otp (id VARCHAR(40) PRIMARY KEY, status VARCHAR(32) NOT NULL,"
                    + " expires_at TIMESTAMPTZ, version BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS transfer_otp_test_due_idx ON transfer_otp (expires_at)"
                    + " WHERE status IN ('OTP_SENT', 'REGISTRATION_OTP_SENT')");
            s.execute("CREATE TABLE IF NOT EXISTS transfer_otp_event (id BIGSERIAL PRIMARY KEY,"
                    + " otp_id VARCHAR(40) NOT NULL REFERENCES transfer_otp (id), from_status VARCHAR(32),"
                    + " to_status VARCHAR(32) NOT NULL, at TIMESTAMPTZ NOT NULL, reason TEXT, source VARCHAR(32) NOT NULL)");
        }
    }

    /**
     * Drops the stand-in tables this JVM created, so that a database reused later for the real
     * transfer-OTP migration does not find them in its way.
     */
    synchronized void dropStandInOtpTables() throws SQLException {
        if (!createdStandIn) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS transfer_otp_event");
            s.execute("DROP TABLE IF EXISTS transfer_otp");
        }
        createdStandIn = false;
    }

    /** Inserts {@code count} OTPs sent at {@code firstSent + i * stepMillis}, expiring 90 s later. */
    void insertOtps(String tag, int count, String status, Instant firstSent, long stepMillis) throws SQLException {
        ensureOtpTables();
        List<String> columns = new ArrayList<>(List.of("id", "status", "expires_at", "version", "updated_at"));
        List<String> values = new ArrayList<>(List.of("'otp_' || ? || '_' || g", "?",
                "?::timestamptz + (g * ? * interval '1 millisecond') + interval '90 seconds'", "0", "now()"));
        boolean hasSentAt = false;
        try (Connection c = dataSource.getConnection()) {
            for (String[] column : requiredExtraColumns(c)) {
                if ("sent_at".equals(column[0])) {
                    hasSentAt = true;
                    continue;
                }
                columns.add(column[0]);
                values.add(valueFor(column[0], column[1]));
            }
            if (!hasSentAt && hasColumn(c, "sent_at")) {
                hasSentAt = true;
            }
            if (hasSentAt) {
                columns.add("sent_at");
                values.add("?::timestamptz + (g * ? * interval '1 millisecond')");
            }
            String sql = "INSERT INTO transfer_otp (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM generate_series(0, ? - 1) g";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, tag + "_" + status.substring(0, 3));
                s.setString(i++, status);
                s.setTimestamp(i++, Timestamp.from(firstSent));
                s.setLong(i++, stepMillis);
                if (hasSentAt) {
                    s.setTimestamp(i++, Timestamp.from(firstSent));
                    s.setLong(i++, stepMillis);
                }
                s.setInt(i, count);
                s.executeUpdate();
            }
        }
    }

    private static List<String[]> requiredExtraColumns(Connection c) throws SQLException {
        List<String[]> extra = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = 'transfer_otp' AND is_nullable = 'NO'"
                + " AND column_default IS NULL AND column_name NOT IN ('id', 'status', 'expires_at', 'version', 'updated_at')")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    extra.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return extra;
    }

    private static boolean hasColumn(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = 'transfer_otp' AND column_name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String valueFor(String column, String type) {
        if (column.contains("transfer_type")) {
            return "'IMPS'";
        }
        if (column.contains("mobile")) {
            return column.contains("masked") ? "'98XXXXXX10'" : "'test'";
        }
        if (column.contains("paise") || column.contains("amount")) {
            return "1000";
        }
        if (type.contains("timestamp")) {
            return "now()";
        }
        if (type.contains("int") || type.contains("numeric")) {
            return "1";
        }
        if (type.contains("bool")) {
            return "false";
        }
        return "'test'";
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    String text(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    Instant instant(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getTimestamp(1) != null ? r.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** One QR row as a provider issued it; {@code amountPaise} null for an open-amount QR. */
    void insertQr(String id, String provider, String reference, String usage, Long amountPaise, String status,
                  Instant expiresAt, Instant createdAt) throws SQLException {
        String sql = "INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status,"
                + " provider_reference, upi_intent, expires_at, created_at, updated_at, version)"
                + " VALUES (?, 'REG-1', ?, ?, ?, ?, ?, 'upi://pay?pa=test@upi', ?, ?, ?, 0)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, provider);
            s.setObject(3, amountPaise);
            s.setString(4, usage);
            s.setString(5, status);
            s.setString(6, reference);
            s.setTimestamp(7, expiresAt == null ? null : Timestamp.from(expiresAt));
            s.setTimestamp(8, Timestamp.from(createdAt));
            s.setTimestamp(9, Timestamp.from(createdAt));
            s.executeUpdate();
        }
    }
}
