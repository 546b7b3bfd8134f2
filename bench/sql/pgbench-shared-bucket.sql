-- pgbench: the statements Bucket4j's PostgreSQL backend (PostgreSQLSelectForUpdateBasedProxyManager,
-- bucket4j_jdk17-postgresql 8.14.0) runs for every request of a client whose bucket is shared
-- through PostgreSQL: lock the client's one row, write its new state (a small bytea), commit.
-- Every client of pgbench plays a request of the SAME merchant, as at that merchant's peak.
BEGIN;
SELECT state FROM bench_bucket WHERE id = 1 FOR UPDATE;
UPDATE bench_bucket SET state = decode(md5(random()::text) || md5(random()::text), 'hex') WHERE id = 1;
COMMIT;
