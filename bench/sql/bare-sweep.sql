-- The bare SQL baseline of the expiry sweep: claim a batch of due ACTIVE QRs with
-- FOR UPDATE SKIP LOCKED, mark them EXPIRED, write one event each, commit; until none is due.
-- One session, no application in between. Run with psql -v batch=N.
SET bench.batch = :batch;
DO $$
DECLARE
    batch_size int := current_setting('bench.batch')::int;
    done_rows  int;
BEGIN
    LOOP
        WITH due AS (
            SELECT id FROM qr_intent
            WHERE status = 'ACTIVE' AND expires_at <= now()
            ORDER BY expires_at
            LIMIT batch_size
            FOR UPDATE SKIP LOCKED
        ), expired AS (
            UPDATE qr_intent q
            SET status = 'EXPIRED', updated_at = clock_timestamp(), version = q.version + 1
            FROM due WHERE q.id = due.id
            RETURNING q.id
        )
        INSERT INTO qr_intent_event (qr_id, from_status, to_status, at, reason, source)
        SELECT id, 'ACTIVE', 'EXPIRED', clock_timestamp(), 'expired', 'SWEEP' FROM expired;
        GET DIAGNOSTICS done_rows = ROW_COUNT;
        COMMIT;
        EXIT WHEN done_rows = 0;
    END LOOP;
END
$$;
