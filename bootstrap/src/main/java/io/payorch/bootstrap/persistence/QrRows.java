package io.payorch.bootstrap.persistence;

import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The one mapping of a {@code qr_intent} row to a {@link QrIntent}: its column list and its reader. */
final class QrRows {

    static final String COLUMNS = "id, registration_id, provider, amount_paise, usage, description, status, "
            + "provider_reference, upi_intent, image_url, expires_at, closed_at, close_reason, failure_reason, "
            + "payments_count, payments_total_paise, created_at, version, merchant_id";

    /**
     * Whether an id from a request can be looked up at all: PostgreSQL refuses a NUL in text and
     * no stored id is longer than 40 characters, so such an id matches nothing (404, not 500).
     */
    static boolean storableId(String id) {
        return id != null && id.length() <= 40 && id.indexOf('\0') < 0;
    }

    private QrRows() {
    }

    static QrIntent read(ResultSet r) throws SQLException {
        long amount = r.getLong("amount_paise");
        Money money = r.wasNull() ? null : Money.ofPaise(amount);
        String provider = r.getString("provider");
        return QrIntent.restore(new QrIntent.Snapshot(r.getString("id"), r.getString("registration_id"), money,
                QrUsage.parse(r.getString("usage")), r.getString("description"), instant(r, "created_at"),
                r.getLong("version"), provider == null ? null : Provider.valueOf(provider),
                QrStatus.valueOf(r.getString("status")), r.getString("provider_reference"), r.getString("upi_intent"),
                r.getString("image_url"), instant(r, "expires_at"), instant(r, "closed_at"),
                r.getString("close_reason"), r.getString("failure_reason"), r.getLong("payments_count"),
                r.getLong("payments_total_paise"), r.getString("merchant_id")));
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
