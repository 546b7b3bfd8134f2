-- Cheaper events (docs/BENCHMARKS.md, "What this round costs a create").

-- 1. An instant's text, inlined. V11's version read its microseconds in a FROM clause, and a SQL
--    function with a FROM clause is never inlined: PostgreSQL parsed and planned it again at every
--    call, five calls per event body (fmgr_sql and the parser were 18 % of PostgreSQL's CPU in a
--    create-path profile with the outbox on). Written as one expression without FROM it is inlined
--    into payorch_qr_json and the other body builders, which are themselves inlined: pgbench on the
--    create path's statements, 16 clients, 2,260 -> 2,990 creates/s (the same run without the outbox
--    triggers: 3,660). STABLE, not IMMUTABLE, because to_char is STABLE and an IMMUTABLE function
--    whose body is not is not inlined either. Same text as before (WebhookOutboxTest compares the
--    event body with GET's answer): seconds, then 0, 3 or 6 fraction digits, then Z.
CREATE OR REPLACE FUNCTION payorch_instant_text(t TIMESTAMPTZ) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN extract(microseconds FROM t)::bigint % 1000000 = 0 THEN ''
                WHEN extract(microseconds FROM t)::bigint % 1000 = 0
                    THEN '.' || lpad((extract(microseconds FROM t)::bigint % 1000000 / 1000)::text, 3, '0')
                ELSE '.' || lpad((extract(microseconds FROM t)::bigint % 1000000)::text, 6, '0') END
        || 'Z'
$$;

-- 2. Two indexes fewer to write per delivery (7 -> 5), the same lookups:
--    - UNIQUE (event_id, endpoint_id) replaces UNIQUE (endpoint_id, event_id) and the index on
--      event_id alone: an event's deliveries, the purge's cascade and a retry by (endpoint, event)
--      all read it; an endpoint's deliveries by date read webhook_delivery_endpoint_idx.
--    - webhook_delivery_due_idx (every pending row by due time) answered only "the earliest due",
--      which is now the earliest of each endpoint's first entry in webhook_delivery_endpoint_due_idx
--      (JdbcWebhookDeliveryStore EARLIEST_DUE). Claims already read that index alone (V21).
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_endpoint_id_event_id_key;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_event_endpoint_key UNIQUE (event_id, endpoint_id);
DROP INDEX webhook_delivery_event_idx;
DROP INDEX webhook_delivery_due_idx;
