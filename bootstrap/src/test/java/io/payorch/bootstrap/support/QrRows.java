package io.payorch.bootstrap.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the stored QR rows directly, so that tests check what PostgreSQL really holds. */
public final class QrRows {

    private final DataSource dataSource;

    public QrRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String column(String id, String column) {
        return query("SELECT " + column + " FROM qr_intent WHERE id = ?", id).stream().findFirst().orElse(null);
    }

    /** The provider attempts of one QR, oldest first, as "PROVIDER outcome". */
    public List<String> attempts(String id) {
        return query("SELECT provider || ' ' || outcome FROM qr_provider_attempt WHERE qr_id = ? ORDER BY id", id);
    }

    public long total() {
        return Long.parseLong(query("SELECT count(*) FROM qr_intent", null).get(0));
    }

    private List<String> query(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
