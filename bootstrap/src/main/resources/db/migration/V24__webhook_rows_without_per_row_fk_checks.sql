-- The webhook rows no longer carry foreign keys (as the audit rows since V6). Each FK check is a
-- SELECT ... FOR KEY SHARE of the parent row, run and planned for every row written:
--  * every delivery a create fans out locked its endpoint's row: all concurrent creates of a merchant
--    share-lock that one row, so PostgreSQL builds a new MultiXact for it at nearly every create;
--  * every recorded attempt locked its delivery again, planned anew each time (the record runs with
--    force_custom_plan, V21).
-- With an endpoint subscribed to every type, PostgreSQL's time per delivery fell by about a third
-- without them and with the fillfactor below (pg_stat_statements over a create-QR peak run,
-- docs/benchmarks-history.md, 2026-12-02).
--
-- The same guarantees, kept another way:
--  * a delivery is only ever inserted with its event's and its endpoint's ids read from those rows in
--    the same statement (the fan-out trigger, replay's INSERT ... SELECT ... JOIN), and an attempt
--    with the id of the delivery its statement just updated (the record); so no row names a parent
--    that did not exist when it was written;
--  * deleting parents deletes their children, once per statement (transition tables, below), as
--    ON DELETE CASCADE did row by row;
--  * the one race left: a create's fan-out that read an endpoint just before another transaction
--    deleted it commits a delivery to an endpoint that is gone (the FK made the create fail instead).
--    Such a delivery is never claimed (a claim joins its endpoint and its event) and the hourly purge
--    deletes it (WebhookDeliveryStore.purgeOrphans).
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_event_id_fkey;
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_endpoint_id_fkey;
ALTER TABLE webhook_attempt DROP CONSTRAINT webhook_attempt_delivery_id_fkey;

CREATE FUNCTION webhook_endpoint_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM webhook_delivery d USING gone g WHERE d.endpoint_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER webhook_endpoint_cascade AFTER DELETE ON webhook_endpoint
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION webhook_endpoint_cascade();

CREATE FUNCTION outbound_event_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM webhook_delivery d USING gone g WHERE d.event_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER outbound_event_cascade AFTER DELETE ON outbound_event
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION outbound_event_cascade();

CREATE FUNCTION webhook_delivery_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM webhook_attempt a USING gone g WHERE a.delivery_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER webhook_delivery_cascade AFTER DELETE ON webhook_delivery
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION webhook_delivery_cascade();

-- A claim rewrites its rows' lease columns, which no index holds: with room left in the row's page
-- that is a HOT update (no index entry written). Rows are inserted in order, so the page of a
-- just-committed delivery was full at 100 % fillfactor and every claim wrote all five indexes again.
ALTER TABLE webhook_delivery SET (fillfactor = 70);

-- A claim's plan is made once per session, not at every call: planning was 0.8 ms of a claim's 3 ms
-- (about four rows a claim at the peak), more than its execution. V21 planned each call for its own
-- values because a plan cached while the table was small read every pending row; inside this
-- function only index scans are open to the planner (enable_seqscan and enable_bitmapscan are off),
-- and the generic plan is the same with the statistics of an empty table and of 200,000 pending rows:
-- the endpoints by primary key, each one's due rows in the order of webhook_delivery_endpoint_due_idx
-- up to the LIMIT, the picked rows by primary key. An ANALYZE of the tables makes the plan anew.
-- Measured: 1.4 ms a claim instead of 3.1 (pg_stat_statements, same load, 2026-12-02).
ALTER FUNCTION webhook_claim(TEXT, TIMESTAMPTZ, TIMESTAMPTZ, VARCHAR[], INT[], INT, INT) SET plan_cache_mode = force_generic_plan;
