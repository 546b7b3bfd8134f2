-- Cheaper writes and claims with merchant webhooks on (docs/BENCHMARKS.md, "What this round costs a create").

-- 1. One NOTIFY per committing writer serialised every commit behind PostgreSQL's global notify
--    lock, held across the commit's WAL flush: with an endpoint subscribed, 16 writers made 600
--    creates/s instead of 1,300. Now only the transaction that holds the (transaction-scoped)
--    advisory lock notifies; writers committing meanwhile skip it, so at most one notifying commit
--    is in flight at a time. A delivery a skipped writer commits is still claimed at once: the
--    dispatcher that the notifier woke claims again after every attempt it finishes, and its poll
--    (payorch.webhooks.poll-interval) is the floor.
CREATE OR REPLACE FUNCTION webhook_delivery_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_try_advisory_xact_lock(1651470957, 1) THEN -- (a key of payorch's own; 1 = notify)
        PERFORM pg_notify('payorch_webhook_deliveries', '');
    END IF;
    RETURN NULL;
END $$;

-- 2. The outbox row triggers run their function only for a change that emits an event: the
--    PENDING row a create writes first, and updates that change neither the state nor the payments,
--    no longer enter PL/pgSQL at all (the functions keep their own checks).
DROP TRIGGER qr_intent_outbox ON qr_intent;
CREATE TRIGGER qr_intent_outbox_insert AFTER INSERT ON qr_intent
    FOR EACH ROW WHEN (NEW.merchant_id IS NOT NULL AND NEW.status <> 'PENDING')
    EXECUTE FUNCTION qr_intent_outbox();
CREATE TRIGGER qr_intent_outbox_update AFTER UPDATE OF status, payments_count ON qr_intent
    FOR EACH ROW WHEN (NEW.merchant_id IS NOT NULL
                       AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.payments_count > OLD.payments_count))
    EXECUTE FUNCTION qr_intent_outbox();

DROP TRIGGER transfer_otp_outbox ON transfer_otp;
CREATE TRIGGER transfer_otp_outbox_insert AFTER INSERT ON transfer_otp
    FOR EACH ROW WHEN (NEW.merchant_id IS NOT NULL AND NEW.status <> 'PENDING')
    EXECUTE FUNCTION transfer_otp_outbox();
CREATE TRIGGER transfer_otp_outbox_update AFTER UPDATE OF status ON transfer_otp
    FOR EACH ROW WHEN (NEW.merchant_id IS NOT NULL AND NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION transfer_otp_outbox();

-- 3. qr_provider_attempt_window_idx (provider, at) INCLUDE (outcome), from V17, answers every query
--    of this one (newest attempts of a provider: the same index read backwards); one index less to
--    write per provider attempt.
DROP INDEX qr_provider_attempt_provider_idx;

-- 4. A claim, whole: per enabled endpoint, its oldest due rows, read in the order of a per-endpoint
--    index and no further, locked with SKIP LOCKED; at most the endpoint's room (per-endpoint limit
--    less what the claiming instance has in flight to it) and max_rows in all, oldest first; leased
--    to the instance; answered with what an attempt needs. One index range per endpoint, so an
--    endpoint with 160,000 rows waiting costs what one with ten does, and a full or disabled
--    endpoint's backlog is not read at all.
--    Why a function with planner settings: a claim written as one statement from Java is prepared,
--    and its plan cached while the table was small (a queue's statistics always lag) read every
--    pending row: 0.7-10 s a claim at 10,000-160,000 pending, and the deliverer fell behind for
--    good. Here every call is planned for its own values (force_custom_plan) and only index scans
--    are open to the planner, whatever the statistics say.
CREATE INDEX webhook_delivery_endpoint_due_idx ON webhook_delivery (endpoint_id, next_attempt_at) WHERE status = 'pending';
CREATE FUNCTION webhook_claim(instance TEXT, due_by TIMESTAMPTZ, leased_until TIMESTAMPTZ, endpoints VARCHAR[],
                              in_flight INT[], per_endpoint INT, max_rows INT)
    RETURNS TABLE (id BIGINT, event_id VARCHAR, endpoint_id VARCHAR, url VARCHAR, secret_sealed TEXT,
                   previous_secret_sealed TEXT, previous_secret_until TIMESTAMPTZ, payload TEXT, attempts INT)
    LANGUAGE plpgsql VOLATILE ROWS 10
    SET plan_cache_mode = force_custom_plan SET enable_seqscan = off SET enable_bitmapscan = off SET jit = off AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH flight AS (SELECT * FROM unnest(endpoints, in_flight) AS f(endpoint_id, n)),
    due AS (
        SELECT x.id, x.endpoint_id, x.next_attempt_at, per_endpoint - COALESCE(f.n, 0) AS room
          FROM webhook_endpoint e
          LEFT JOIN flight f ON f.endpoint_id = e.id
         CROSS JOIN LATERAL (SELECT d.id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d
                              WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= due_by
                                AND (d.lease_until IS NULL OR d.lease_until < due_by)
                              ORDER BY d.next_attempt_at LIMIT per_endpoint FOR UPDATE OF d SKIP LOCKED) x
         WHERE e.enabled AND per_endpoint - COALESCE(f.n, 0) > 0),
    ranked AS (SELECT due.id, due.next_attempt_at, due.room,
                      row_number() OVER (PARTITION BY due.endpoint_id ORDER BY due.next_attempt_at, due.id) AS k
                 FROM due),
    picked AS (SELECT r.id FROM ranked r WHERE r.k <= r.room ORDER BY r.next_attempt_at, r.id LIMIT max_rows),
    claimed AS (UPDATE webhook_delivery d SET lease_until = leased_until, claimed_by = instance
                  FROM picked WHERE d.id = picked.id
                RETURNING d.id, d.event_id, d.endpoint_id, d.attempts)
    SELECT c.id, c.event_id, c.endpoint_id, e.url, e.secret_sealed, e.previous_secret_sealed, e.previous_secret_until,
           ev.payload, c.attempts
      FROM claimed c JOIN webhook_endpoint e ON e.id = c.endpoint_id JOIN outbound_event ev ON ev.id = c.event_id;
END $$;

-- 5. A queue table: every delivery is inserted, updated once or more and purged, so vacuum and
--    analyze it after 2 % of its rows changed rather than PostgreSQL's default 20 % / 10 %.
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
