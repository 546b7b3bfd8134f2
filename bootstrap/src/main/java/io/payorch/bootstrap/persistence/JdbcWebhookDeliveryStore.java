package io.payorch.bootstrap.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.merchantwebhook.ClaimedDelivery;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliveryFilter;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.PendingBacklog;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.bootstrap.webhooks.DeliveryNotifications;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook deliveries in PostgreSQL. Each call is one statement: a claim leases due rows taken with
 * {@code FOR UPDATE SKIP LOCKED}; recording an attempt writes the attempt row, the delivery's new
 * state and the endpoint's failing mark together, and only while the lease is still this instance's.
 * Attempts finished together are recorded together, in one statement ({@link GroupWriter}). Claims
 * and records run on the deliverer's own connections ({@link DeliveryPool}).
 */
@Singleton
class JdbcWebhookDeliveryStore implements WebhookDeliveryStore {

    private static final String COLUMNS = "d.id, d.event_id, d.endpoint_id, d.merchant_id, d.event_type, d.status,"
            + " d.attempts, d.last_attempt_at, d.last_status_code, d.next_attempt_at, d.created_at";
    private static final String SUMMARY = "SELECT " + COLUMNS + " FROM webhook_delivery d";
    // the events of one resource by outbound_event_resource_idx, their deliveries by UNIQUE (event_id, endpoint_id)
    private static final String OF_RESOURCE = "SELECT " + COLUMNS + " FROM outbound_event ev"
            + " JOIN webhook_delivery d ON d.event_id = ev.id WHERE ev.resource_id = ?"
            + " ORDER BY ev.sequence DESC, d.id DESC LIMIT ?";
    // The earliest due time of a pending delivery: the earliest of each endpoint's first entry in
    // webhook_delivery_endpoint_due_idx, one index probe per endpoint.
    private static final String EARLIEST_DUE = "SELECT min(first.next_attempt_at) FROM webhook_endpoint e"
            + " CROSS JOIN LATERAL (SELECT d.next_attempt_at FROM webhook_delivery d WHERE d.endpoint_id = e.id"
            + " AND d.status = 'pending' ORDER BY d.next_attempt_at LIMIT 1) first";
    // at most cap + 1 rows of a partial index of the pending deliveries are read, however large the backlog
    private static final String BACKLOG = "SELECT count(*), min(p.created_at), (" + EARLIEST_DUE + ")"
            + " FROM (SELECT created_at FROM webhook_delivery WHERE status = 'pending' LIMIT ?) p";
    // Due rows of endpoints with room left in this instance: each endpoint gets at most its room
    // (per-endpoint limit less what this instance has in flight to it), endpoints already full are
    // not even read, so a hanging endpoint's backlog never hides the others' deliveries. The whole
    // claim is V21's webhook_claim: index ranges only, its generic plan made once per session (V24).
    private static final String CLAIM = "SELECT id, event_id, endpoint_id, url, secret_sealed, previous_secret_sealed,"
            + " previous_secret_until, payload, attempts FROM webhook_claim(?, ?, ?, ?::varchar[], ?::int[], ?, ?)";
    // Records of many attempts in one statement (one per item of the arrays): each delivery's new
    // state, only while its lease is still the recording instance's; the attempt rows; and per
    // endpoint its failing mark, written only when it changes, so steady deliveries to one endpoint
    // never queue on its row lock. An endpoint with a delivered attempt in the batch is not failing;
    // one whose attempts all failed is failing since the first of them (or earlier), and is disabled
    // once it has been failing since before the latest attempt's disable-if-failing-since.
    private static final String RECORD = "WITH r AS (SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[],"
            + " ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::boolean[],"
            + " ?::timestamptz[]) AS r(id, instance, status, next_at, at, duration, code, error, excerpt, ok, disable_before)),"
            + " d AS (UPDATE webhook_delivery w SET status = r.status, attempts = w.attempts + 1, next_attempt_at = r.next_at,"
            + " lease_until = NULL, claimed_by = NULL, last_attempt_at = r.at, last_status_code = r.code"
            + " FROM r WHERE w.id = r.id AND w.claimed_by = r.instance AND w.status = 'pending' RETURNING w.id, w.endpoint_id),"
            + " a AS (INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code, error, body_excerpt)"
            + " SELECT r.id, r.at, r.duration, r.code, r.error, r.excerpt FROM r JOIN d ON d.id = r.id),"
            + " o AS (SELECT d.endpoint_id, bool_or(r.ok) AS ok, min(r.at) FILTER (WHERE NOT r.ok) AS failed_at,"
            + " max(r.disable_before) AS disable_before FROM d JOIN r ON r.id = d.id GROUP BY d.endpoint_id),"
            + " e AS (UPDATE webhook_endpoint p SET"
            + " failing_since = CASE WHEN o.ok THEN NULL ELSE COALESCE(p.failing_since, o.failed_at) END,"
            + " enabled = p.enabled AND (o.ok OR COALESCE(p.failing_since, o.failed_at) > o.disable_before),"
            + " disabled_reason = CASE WHEN p.enabled AND NOT o.ok AND COALESCE(p.failing_since, o.failed_at) <= o.disable_before"
            + " THEN 'failing' ELSE p.disabled_reason END"
            + " FROM o WHERE p.id = o.endpoint_id AND CASE WHEN o.ok THEN p.failing_since IS NOT NULL"
            + " ELSE p.failing_since IS NULL OR (p.enabled AND p.failing_since <= o.disable_before) END)"
            + " SELECT id FROM d";
    /** The most attempts one statement records. */
    private static final int RECORD_BATCH = 256;

    private final ConnectionOperations<Connection> connections;
    private final DataSource deliverer;
    private final GroupWriter<PendingRecord, Boolean> records = new GroupWriter<>(RECORD_BATCH, this::writeRecords);

    JdbcWebhookDeliveryStore(ConnectionOperations<Connection> connections, DeliveryPool deliverer) {
        this.connections = connections;
        this.deliverer = deliverer.dataSource();
    }

    @Override
    public List<ClaimedDelivery> claim(String instance, Instant now, Instant leaseUntil, int limit,
                                       Map<String, Integer> inFlight, int perEndpointLimit) {
        String[] endpoints = inFlight.keySet().toArray(String[]::new);
        Integer[] counts = new Integer[endpoints.length];
        for (int i = 0; i < endpoints.length; i++) {
            counts[i] = inFlight.get(endpoints[i]);
        }
        return SqlTransactions.statement(deliverer, c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, instance);
                s.setTimestamp(2, Timestamp.from(now));
                s.setTimestamp(3, Timestamp.from(leaseUntil));
                s.setArray(4, c.createArrayOf("varchar", endpoints));
                s.setArray(5, c.createArrayOf("int4", counts));
                s.setInt(6, perEndpointLimit);
                s.setInt(7, limit);
                List<ClaimedDelivery> claimed = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        claimed.add(new ClaimedDelivery(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), instant(r, 7), r.getString(8), r.getInt(9)));
                    }
                }
                return claimed;
            }
        });
    }

    @Override
    public boolean recordAttempt(ClaimedDelivery delivery, String instance, AttemptRecord attempt, String newStatus,
                                 Instant nextAttemptAt, Instant disableIfFailingSince) {
        return records.submit(new PendingRecord(delivery.id(), instance, attempt, newStatus, nextAttemptAt,
                disableIfFailingSince));
    }

    record PendingRecord(long deliveryId, String instance, AttemptRecord attempt, String status,
                         Instant nextAttemptAt, Instant disableIfFailingSince) {
    }

    /**
     * The records that arrived together, in one statement and transaction (GroupWriter): a drain's
     * records one by one spent most of PostgreSQL's time planning the statement again for each.
     * They commit without waiting for the WAL flush: what a PostgreSQL crash can lose is the last
     * moments' records (at most 3 x wal_writer_delay); their leases then run out and those
     * deliveries are attempted again with the same webhook-id, so at least once holds. Claims keep
     * the synchronous commit, so no attempt is ever made twice at once. The statement is planned for
     * its own values: a plan cached while the table was nearly empty found rows by scanning a
     * partial index (250 ms a record).
     */
    List<Boolean> writeRecords(List<PendingRecord> batch) {
        int n = batch.size();
        Long[] ids = new Long[n];
        String[] instances = new String[n];
        String[] statuses = new String[n];
        // instants as ISO-8601 text with its Z: an array of Timestamps would be sent as local times
        String[] next = new String[n];
        String[] at = new String[n];
        Long[] durations = new Long[n];
        Integer[] codes = new Integer[n];
        String[] errors = new String[n];
        String[] excerpts = new String[n];
        Boolean[] ok = new Boolean[n];
        String[] disableBefore = new String[n];
        for (int i = 0; i < n; i++) {
            PendingRecord p = batch.get(i);
            AttemptRecord attempt = p.attempt();
            ids[i] = p.deliveryId();
            instances[i] = p.instance();
            statuses[i] = p.status();
            next[i] = p.nextAttemptAt() == null ? null : p.nextAttemptAt().toString();
            at[i] = attempt.at().toString();
            durations[i] = attempt.durationMillis();
            codes[i] = attempt.statusCode();
            errors[i] = truncate(attempt.error(), 300);
            excerpts[i] = attempt.bodyExcerpt() == null ? null : truncate(attempt.bodyExcerpt(), 1024);
            ok[i] = attempt.delivered();
            disableBefore[i] = p.disableIfFailingSince().toString();
        }
        Set<Long> recorded = SqlTransactions.write(deliverer, c -> {
            try (Statement settings = c.createStatement()) {
                settings.execute("SELECT set_config('synchronous_commit', 'off', true),"
                        + " set_config('plan_cache_mode', 'force_custom_plan', true)");
            }
            try (PreparedStatement s = c.prepareStatement(RECORD)) {
                s.setArray(1, c.createArrayOf("int8", ids));
                s.setArray(2, c.createArrayOf("varchar", instances));
                s.setArray(3, c.createArrayOf("varchar", statuses));
                s.setArray(4, c.createArrayOf("timestamptz", next));
                s.setArray(5, c.createArrayOf("timestamptz", at));
                s.setArray(6, c.createArrayOf("int8", durations));
                s.setArray(7, c.createArrayOf("int4", codes));
                s.setArray(8, c.createArrayOf("varchar", errors));
                s.setArray(9, c.createArrayOf("varchar", excerpts));
                s.setArray(10, c.createArrayOf("bool", ok));
                s.setArray(11, c.createArrayOf("timestamptz", disableBefore));
                Set<Long> done = new HashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        done.add(r.getLong(1));
                    }
                }
                return done;
            }
        });
        List<Boolean> results = new ArrayList<>(n);
        for (PendingRecord p : batch) {
            results.add(recorded.contains(p.deliveryId()));
        }
        return results;
    }

    @Override
    public int release(String instance) {
        return update("UPDATE webhook_delivery SET lease_until = NULL, claimed_by = NULL"
                + " WHERE claimed_by = ? AND status = 'pending'", List.of(instance));
    }

    @Override
    public List<DeliverySummary> listForEndpoint(String endpointId, String status, PageCursor after, int limit) {
        SqlWhere where = new SqlWhere().equal("endpoint_id", endpointId).equal("status", status)
                .after("created_at", "event_id", after == null ? null : after.createdAt(), after == null ? null : after.id());
        return summaries(where, " ORDER BY created_at DESC, event_id DESC", limit);
    }

    @Override
    public boolean retryNow(String endpointId, String eventId, Instant now) {
        return dueNow("endpoint_id = ? AND event_id = ?", List.of(endpointId, eventId), now) == 1;
    }

    @Override
    public boolean resend(long id, Instant now) {
        return dueNow("id = ?", List.of(id), now) == 1;
    }

    private int dueNow(String condition, List<Object> key, Instant now) {
        List<Object> values = new ArrayList<>();
        values.add(Timestamp.from(now));
        values.addAll(key);
        int changed = update("UPDATE webhook_delivery SET status = 'pending', next_attempt_at = ? WHERE " + condition,
                values);
        if (changed > 0) {
            wakeDeliverers();
        }
        return changed;
    }

    @Override
    public int replay(String endpointId, Instant since, Instant now) {
        Timestamp at = Timestamp.from(now);
        int enqueued = update("INSERT INTO webhook_delivery (event_id, endpoint_id, merchant_id, event_type, status,"
                + " next_attempt_at, created_at) SELECT ev.id, e.id, ev.merchant_id, ev.type, 'pending', ?, ev.created_at"
                + " FROM webhook_endpoint e JOIN outbound_event ev ON ev.merchant_id = e.merchant_id"
                + " WHERE e.id = ? AND ev.created_at >= ? AND webhook_endpoint_takes(e.events, ev.type)"
                + " ON CONFLICT (event_id, endpoint_id) DO UPDATE SET status = 'pending',"
                + " next_attempt_at = EXCLUDED.next_attempt_at", List.of(at, endpointId, Timestamp.from(since)));
        if (enqueued > 0) {
            wakeDeliverers();
        }
        return enqueued;
    }

    /** Deliveries made due by an update (not an insert) wake the deliverers themselves. */
    private void wakeDeliverers() {
        SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + DeliveryNotifications.CHANNEL + "', '')")) {
                s.execute();
                return null;
            }
        });
    }

    @Override
    public List<DeliverySummary> search(DeliveryFilter f, PageCursor after, int limit) {
        SqlWhere where = new SqlWhere().equal("merchant_id", f.merchant()).equal("endpoint_id", f.endpointId())
                .equal("status", f.status()).equal("event_type", f.type()).atLeast("created_at", f.createdFrom())
                .before("created_at", f.createdTo())
                .after("created_at", "id", after == null ? null : after.createdAt(),
                        after == null ? null : Long.parseLong(after.id()));
        return summaries(where, " ORDER BY created_at DESC, id DESC", limit);
    }

    @Override
    public Optional<DeliveryDetail> detail(long id) {
        List<DeliverySummary> found = summaries(new SqlWhere().equal("id", id), "", 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeliverySummary delivery = found.get(0);
        return SqlTransactions.statement(connections, c -> {
            String url = null;
            try (PreparedStatement s = c.prepareStatement("SELECT url FROM webhook_endpoint WHERE id = ?")) {
                s.setString(1, delivery.endpointId());
                try (ResultSet r = s.executeQuery()) {
                    url = r.next() ? r.getString(1) : null;
                }
            }
            String payload = null;
            try (PreparedStatement s = c.prepareStatement("SELECT payload FROM outbound_event WHERE id = ?")) {
                s.setString(1, delivery.eventId());
                try (ResultSet r = s.executeQuery()) {
                    payload = r.next() ? r.getString(1) : null;
                }
            }
            List<AttemptRecord> attempts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT attempted_at, duration_ms, status_code, error,"
                    + " body_excerpt FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempted_at, id")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int code = r.getInt(3);
                        attempts.add(new AttemptRecord(r.getTimestamp(1).toInstant(), r.getLong(2),
                                r.wasNull() ? null : code, r.getString(4), r.getString(5)));
                    }
                }
            }
            return Optional.of(new DeliveryDetail(delivery, url, attempts, payload));
        });
    }

    @Override
    public List<DeliverySummary> forResource(String resourceId, int limit) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(OF_RESOURCE)) {
                s.setString(1, resourceId);
                s.setInt(2, limit);
                return summaries(s);
            }
        });
    }

    @Override
    public int purgeDelivered(Instant before, int batch) {
        return update("DELETE FROM outbound_event WHERE id IN (SELECT ev.id FROM outbound_event ev WHERE ev.created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = ev.id AND d.status <> 'delivered')"
                + " LIMIT ?)", List.of(Timestamp.from(before), batch));
    }

    @Override
    public int purgeOrphans() {
        return update("DELETE FROM webhook_delivery d WHERE d.status = 'pending'"
                + " AND (NOT EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = d.endpoint_id)"
                + " OR NOT EXISTS (SELECT 1 FROM outbound_event ev WHERE ev.id = d.event_id))", List.of());
    }

    @Override
    public long pendingCount() {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM webhook_delivery WHERE status = 'pending'");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public Duration oldestPendingAge(Instant now) {
        Instant earliest = SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(EARLIEST_DUE); ResultSet r = s.executeQuery()) {
                r.next();
                return instant(r, 1);
            }
        });
        return earliest == null || earliest.isAfter(now) ? Duration.ZERO : Duration.between(earliest, now);
    }

    @Override
    public PendingBacklog pendingBacklog(int cap) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(BACKLOG)) {
                s.setInt(1, cap + 1);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long counted = r.getLong(1);
                    return new PendingBacklog(Math.min(counted, cap), counted > cap, instant(r, 2), instant(r, 3));
                }
            }
        });
    }

    private List<DeliverySummary> summaries(SqlWhere where, String order, int limit) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(SUMMARY + where.sql() + order + " LIMIT ?")) {
                s.setInt(where.bind(s), limit);
                return summaries(s);
            }
        });
    }

    /** The rows of a statement selecting {@link #COLUMNS}. */
    private static List<DeliverySummary> summaries(PreparedStatement s) throws SQLException {
        List<DeliverySummary> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int code = r.getInt(9);
                Integer lastCode = r.wasNull() ? null : code;
                rows.add(new DeliverySummary(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getInt(7), instant(r, 8), lastCode,
                        "pending".equals(r.getString(6)) ? instant(r, 10) : null, instant(r, 11)));
            }
        }
        return rows;
    }

    private int update(String sql, List<Object> values) {
        return SqlTransactions.statement(connections, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    s.setObject(i + 1, values.get(i));
                }
                return s.executeUpdate();
            }
        });
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
