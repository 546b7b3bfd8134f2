-- A what-if for scripts/bench.sh (BENCH_PAYORCH_SQL): switch off every user trigger of the tables a
-- create writes, so that old and new builds can be compared without the outbox (V11) and state-count
-- (V17) triggers; the rows a create writes are otherwise the same. Never for a real database: its
-- events and counts stop. With bench/compare-jars.sh:
--   BENCH_PAYORCH_SQL=bench/sql/what-if-no-event-triggers.sql bench/compare-jars.sh OLD.jar NEW.jar
ALTER TABLE qr_intent DISABLE TRIGGER USER;
ALTER TABLE transfer_otp DISABLE TRIGGER USER;
