-- The audit rows (state-change events, provider attempts) no longer carry foreign keys to their QR
-- or OTP. Each FK check is a SELECT ... FOR KEY SHARE of the parent row, a row lock written to the
-- WAL, three of them per create-QR: about a quarter of PostgreSQL's CPU per create (measured with
-- pgbench on the create path's two statements, docs/BENCHMARKS.md).
--
-- The same guarantee, kept another way:
--  * every insert of such a row takes the parent's id from the parent row itself in the same
--    statement (WITH w AS (INSERT|UPDATE ... RETURNING id) ... SELECT w.id, or
--    INSERT ... SELECT ... FROM qr_intent WHERE id = ?), so no audit row can name a missing parent;
--  * parents are never deleted and their ids never change: the triggers below refuse both (payorch
--    itself does neither), so no audit row can lose its parent either. Statement triggers on DELETE,
--    TRUNCATE and UPDATE OF id cost nothing on the writes payorch does.
ALTER TABLE qr_intent_event DROP CONSTRAINT qr_intent_event_qr_id_fkey;
ALTER TABLE qr_provider_attempt DROP CONSTRAINT qr_provider_attempt_qr_id_fkey;
ALTER TABLE transfer_otp_event DROP CONSTRAINT transfer_otp_event_otp_id_fkey;

CREATE FUNCTION payorch_keep_audited_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % keep their audit history: they are never deleted and their id never changes (% refused)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER qr_intent_keep BEFORE DELETE OR TRUNCATE OR UPDATE OF id ON qr_intent
    FOR EACH STATEMENT EXECUTE FUNCTION payorch_keep_audited_rows();
CREATE TRIGGER transfer_otp_keep BEFORE DELETE OR TRUNCATE OR UPDATE OF id ON transfer_otp
    FOR EACH STATEMENT EXECUTE FUNCTION payorch_keep_audited_rows();
