package io.payorch.bootstrap.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Many events at once, inserted as the outbox inserts them (its fan-out trigger makes the deliveries). */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /** {@code count} events of {@code merchant} in one statement; answers their ids. */
    public static List<String> insert(Connection c, String merchant, String type, int count, String tag)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbound_event (id, merchant_id, type, resource_id,"
                + " sequence, created_at, payload) SELECT 'evt_' || ? || '_' || n, ?, ?, 'qr_' || ? || '_' || n, 1, now(),"
                + " json_build_object('id', 'evt_' || ? || '_' || n, 'type', ?, 'createdAt', now(), 'sequence', 1,"
                + " 'data', json_build_object('object', json_build_object('id', 'qr_' || ? || '_' || n)))::text"
                + " FROM generate_series(1, ?) n RETURNING id")) {
            s.setString(1, tag);
            s.setString(2, merchant);
            s.setString(3, type);
            s.setString(4, tag);
            s.setString(5, tag);
            s.setString(6, type);
            s.setString(7, tag);
            s.setInt(8, count);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }
}
