-- The create path's write cost (docs/BENCHMARKS.md, "what a create costs PostgreSQL").

-- 1. One NOTIFY per committing writer serialised every commit behind PostgreSQL's global notify
--    lock, held across the commit's WAL flush: with an endpoint subscribed, 16 writers made 600
--    creates/s instead of 1,300. Now only the transaction that holds the (transaction-scoped)
--    advisory lock notifies; writers committing meanwhile skip it, so at most one notifying commit
--    is in flight at a time. A delivery a skipped writer commits is still claimed at once: the
--    dispatcher that the notifier woke claims again after every attempt it finishes, and its poll
--    (payorch.webhooks.poll-interval) is the floor.
CREATE OR REPLACE FUNCTION webhook_delivery_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_try_advisory_xact_lock(1651470957, 1) THEN -- (a key of payorch's own, "payo" as int4; 1 = notify)
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

-- 4. The due deliveries a claim considers: per enabled endpoint that is not full, its oldest due
--    rows, read in the order of a per-endpoint index and no further; the oldest max_rows of them.
--    One index range per endpoint, so an endpoint with 160,000 rows waiting costs what one with
--    ten does, and a full (or disabled) endpoint's backlog is not read at all: a single global
--    scan that filtered the full endpoint's rows out read all of them, 10 s a claim, and the
--    deliverer stalled. The planner is left only index scans (a queue table's statistics always
--    lag; with a bitmap scan and a sort every due row was read, 3-6 ms at 9,000-20,000).
--    ROWS 10: the claim locks its rows by primary key; at the default estimate (1,000 rows) the
--    planner hash-joined them against every pending row instead (50-190 ms a claim under load).
CREATE INDEX webhook_delivery_endpoint_due_idx ON webhook_delivery (endpoint_id, next_attempt_at) WHERE status = 'pending';
CREATE FUNCTION webhook_due_deliveries(due_by TIMESTAMPTZ, skip_endpoints VARCHAR[], max_rows INT)
    RETURNS TABLE (id BIGINT, endpoint_id VARCHAR, next_attempt_at TIMESTAMPTZ) LANGUAGE plpgsql STABLE ROWS 10
    SET enable_bitmapscan = off SET jit = off AS $$
BEGIN -- PL/pgSQL, not SQL: its plan is kept for the session's next claims (a SQL function with SET
      -- clauses is planned on every call, 1 ms a claim)
    RETURN QUERY
    SELECT x.id, x.endpoint_id, x.next_attempt_at
      FROM webhook_endpoint e
     CROSS JOIN LATERAL (SELECT d.id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d
                          WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= due_by
                            AND (d.lease_until IS NULL OR d.lease_until < due_by)
                          ORDER BY d.next_attempt_at LIMIT max_rows) x
     WHERE e.enabled AND e.id <> ALL (skip_endpoints)
     ORDER BY x.next_attempt_at LIMIT max_rows;
END $$;

-- 5. A queue table: every delivery is inserted, updated once or more and purged, so vacuum and
--    analyze it after 2 % of its rows changed rather than PostgreSQL's default 20 % / 10 %.
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
