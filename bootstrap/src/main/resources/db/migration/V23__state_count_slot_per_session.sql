-- State counts without waits between sessions (docs/BENCHMARKS.md).
--
-- V17 adds each statement's deltas to the counter row of its slot, the backend's pid modulo 16.
-- payorch holds up to 24 sessions (20 API connections and the webhook deliverer's 4), so at least
-- eight of them shared a slot with another, and a create's count waited for the other session's
-- commit, its WAL flush included: under the create-QR peak the count triggers took 1.6 and 2.5 ms
-- a call (pg_stat_user_functions, wall time), against 0.3 ms for the event itself, and those waits
-- held the API's pooled connections. pgbench on the create statements, 20 clients: 217 of 1,258
-- samples of active backends waited on a transaction (a row lock) before, none after.
--
-- Now a session takes a slot of its own at its first count: the next value of a sequence modulo
-- 32, kept in a session setting. Sessions opened one after another get different slots, so two
-- share one only beyond 32 sessions at once (several instances on one database). A count is still
-- the sum over the slots, at most 32 rows per (kind, provider, merchant, status).
CREATE SEQUENCE state_count_slot_seq;

CREATE FUNCTION payorch_count_slot() RETURNS SMALLINT LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    slot TEXT := current_setting('payorch.count_slot', true);
BEGIN
    IF slot IS NULL OR slot = '' THEN
        slot := (nextval('state_count_slot_seq') % 32)::text;
        PERFORM set_config('payorch.count_slot', slot, false); -- for the session (undone if this transaction rolls back)
    END IF;
    RETURN slot::smallint;
END $$;

CREATE OR REPLACE FUNCTION payorch_count_qr_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'qr', COALESCE(provider, ''), COALESCE(merchant_id, ''), status, payorch_count_slot(), count(*)
      FROM inserted GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT (kind, provider, merchant_id, status, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION payorch_count_qr_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'qr', p, m, s, payorch_count_slot(), sum(d) FROM (
        SELECT COALESCE(o.provider, '') p, COALESCE(o.merchant_id, '') m, o.status s, -1 d
          FROM before_rows o JOIN after_rows a ON a.id = o.id
         WHERE (o.provider, o.merchant_id, o.status) IS DISTINCT FROM (a.provider, a.merchant_id, a.status)
        UNION ALL
        SELECT COALESCE(a.provider, ''), COALESCE(a.merchant_id, ''), a.status, 1
          FROM before_rows o JOIN after_rows a ON a.id = o.id
         WHERE (o.provider, o.merchant_id, o.status) IS DISTINCT FROM (a.provider, a.merchant_id, a.status)
    ) delta GROUP BY p, m, s HAVING sum(d) <> 0 ORDER BY p, m, s
    ON CONFLICT (kind, provider, merchant_id, status, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION payorch_count_otp_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'otp', '', COALESCE(merchant_id, ''), status, payorch_count_slot(), count(*)
      FROM inserted GROUP BY 3, 4 ORDER BY 3, 4
    ON CONFLICT (kind, provider, merchant_id, status, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION payorch_count_otp_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'otp', '', m, s, payorch_count_slot(), sum(d) FROM (
        SELECT COALESCE(o.merchant_id, '') m, o.status s, -1 d
          FROM before_rows o JOIN after_rows a ON a.id = o.id
         WHERE (o.merchant_id, o.status) IS DISTINCT FROM (a.merchant_id, a.status)
        UNION ALL
        SELECT COALESCE(a.merchant_id, ''), a.status, 1
          FROM before_rows o JOIN after_rows a ON a.id = o.id
         WHERE (o.merchant_id, o.status) IS DISTINCT FROM (a.merchant_id, a.status)
    ) delta GROUP BY m, s HAVING sum(d) <> 0 ORDER BY m, s
    ON CONFLICT (kind, provider, merchant_id, status, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;
