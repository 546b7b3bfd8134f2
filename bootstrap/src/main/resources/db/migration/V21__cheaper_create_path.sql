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

-- 4. The due deliveries a claim considers, oldest first, read in the order of the due index
--    (webhook_delivery_due_idx) and stopped at max_rows. Left to itself the planner reads every due
--    row (a bitmap scan and a top-N sort: 3 ms at 9,000 due rows, 6 ms at 20,000, on every claim),
--    because a queue table's statistics always lag; the function's settings leave it only the
--    ordered index scan (0.2 ms at 9,000 due). Disabled endpoints are one array, computed once.
--    ROWS 10: the claim locks its rows by primary key; at the default estimate (1,000 rows) the
--    planner hash-joined them against every pending row instead, and a claim took 50-190 ms under
--    load (drain 50/s); at 10 it looks each one up (1.5 ms a claim, drain 1,900/s on the same data).
CREATE FUNCTION webhook_due_deliveries(due_by TIMESTAMPTZ, skip_endpoints VARCHAR[], max_rows INT)
    RETURNS TABLE (id BIGINT, endpoint_id VARCHAR, next_attempt_at TIMESTAMPTZ) LANGUAGE sql STABLE ROWS 10
    SET enable_bitmapscan = off SET enable_sort = off SET jit = off AS $$
    SELECT d.id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d
     WHERE d.status = 'pending' AND d.next_attempt_at <= due_by AND (d.lease_until IS NULL OR d.lease_until < due_by)
       AND d.endpoint_id <> ALL (skip_endpoints)
       AND d.endpoint_id <> ALL (ARRAY(SELECT e.id FROM webhook_endpoint e WHERE NOT e.enabled))
     ORDER BY d.next_attempt_at LIMIT max_rows
$$;

-- 5. A queue table: every delivery is inserted, updated once or more and purged, so vacuum and
--    analyze it after 2 % of its rows changed rather than PostgreSQL's default 20 % / 10 %.
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
