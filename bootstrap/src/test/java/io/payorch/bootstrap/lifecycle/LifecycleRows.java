package io.payorch.bootstrap.lifecycle;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Bulk rows for lifecycle tests, written with SQL: QR rows as V1 defines them, transfer OTP rows
 * as V2 does.
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

    /** Inserts {@code count} OTPs (V2's table) sent at {@code firstSent + i * stepMillis}, expiring 90 s later. */
    void insertOtps(String tag, int count, String status, Instant firstSent, long stepMillis) throws SQLException {
        String sql = "INSERT INTO transfer_otp (id, registration_id, remitter_mobile_masked, remitter_mobile_hash,"
                + " beneficiary_id, transfer_type, amount_paise, status, sent_at, expires_at, created_at, updated_at,"
                + " version) SELECT 'otp_' || ? || '_' || g, 'AOP-554', '98XXXXXX10', repeat('0', 64), '60600077',"
                + " 'IMPS', 10000, ?, ?::timestamptz + (g * ? * interval '1 millisecond'),"
                + " ?::timestamptz + (g * ? * interval '1 millisecond') + interval '90 seconds', now(), now(), 0"
                + " FROM generate_series(0, ? - 1) g";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tag + "_" + status.substring(0, 3));
            s.setString(2, status);
            s.setTimestamp(3, Timestamp.from(firstSent));
            s.setLong(4, stepMillis);
            s.setTimestamp(5, Timestamp.from(firstSent));
            s.setLong(6, stepMillis);
            s.setInt(7, count);
            s.executeUpdate();
        }
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
