-- The operator console (issue 19): sessions, maintained state counts, and the indexes its pages use.

-- A console session of an admin. The browser holds a random token in an HTTP-only cookie; only its
-- SHA-256 is kept here, so a dump of this table opens no session. A session ends at logout, after
-- payorch.console.idle-timeout without a request, or payorch.console.max-age after it started.
CREATE TABLE console_session (
    token_hash   CHAR(64)     PRIMARY KEY,
    admin_id     VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX console_session_last_seen_idx ON console_session (last_seen_at);

-- How many QRs and transfer OTPs are in each state, by provider and merchant, kept by statement
-- triggers in the same statement as every insert and update of qr_intent / transfer_otp, so that
-- GET /admin/stats and the console read a few hundred rows instead of grouping millions.
-- Rows are never deleted (V6 triggers), so the counts cannot drift. Each statement adds its delta
-- to the row of its slot (the backend's pid modulo 16), so concurrent writers rarely wait on the
-- same counter row; a count is the sum over the slots. Deltas are applied in key order.
CREATE TABLE state_count (
    kind        VARCHAR(8)   NOT NULL CHECK (kind IN ('qr', 'otp')),
    provider    VARCHAR(16)  NOT NULL,   -- '' for a transfer OTP or a QR not yet routed
    merchant_id VARCHAR(64)  NOT NULL,   -- '' for rows from before merchant ownership (V8)
    status      VARCHAR(24)  NOT NULL,
    slot        SMALLINT     NOT NULL,
    n           BIGINT       NOT NULL,
    PRIMARY KEY (kind, provider, merchant_id, status, slot)
);

CREATE FUNCTION payorch_count_qr_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'qr', COALESCE(provider, ''), COALESCE(merchant_id, ''), status, pg_backend_pid() % 16, count(*)
      FROM inserted GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT (kind, provider, merchant_id, status, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE FUNCTION payorch_count_qr_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'qr', p, m, s, pg_backend_pid() % 16, sum(d) FROM (
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

CREATE FUNCTION payorch_count_otp_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'otp', '', COALESCE(merchant_id, ''), status, pg_backend_pid() % 16, count(*)
      FROM inserted GROUP BY 3, 4 ORDER BY 3, 4
    ON CONFLICT (kind, provider, merchant_id, status, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE FUNCTION payorch_count_otp_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_count AS c (kind, provider, merchant_id, status, slot, n)
    SELECT 'otp', '', m, s, pg_backend_pid() % 16, sum(d) FROM (
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

-- the counts of the rows already there (one scan, at migration time), then the triggers
INSERT INTO state_count (kind, provider, merchant_id, status, slot, n)
SELECT 'qr', COALESCE(provider, ''), COALESCE(merchant_id, ''), status, 0, count(*) FROM qr_intent GROUP BY 2, 3, 4;
INSERT INTO state_count (kind, provider, merchant_id, status, slot, n)
SELECT 'otp', '', COALESCE(merchant_id, ''), status, 0, count(*) FROM transfer_otp GROUP BY 3, 4;

CREATE TRIGGER qr_intent_count_insert AFTER INSERT ON qr_intent
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION payorch_count_qr_insert();
CREATE TRIGGER qr_intent_count_update AFTER UPDATE ON qr_intent
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION payorch_count_qr_update();
CREATE TRIGGER transfer_otp_count_insert AFTER INSERT ON transfer_otp
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION payorch_count_otp_insert();
CREATE TRIGGER transfer_otp_count_update AFTER UPDATE ON transfer_otp
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION payorch_count_otp_update();

-- console overview: success rate and failure reasons per provider over the last hour and day
-- (index-only over the window), and the payments waiting for operations
CREATE INDEX qr_provider_attempt_window_idx ON qr_provider_attempt (provider, at) INCLUDE (outcome);
-- (an attempt succeeded when its outcome ends in 'accepted': accepted, close_accepted, reconcile_accepted)
CREATE INDEX qr_provider_attempt_failure_idx ON qr_provider_attempt (at) INCLUDE (provider, outcome, detail)
    WHERE outcome NOT LIKE '%accepted';
-- console "jump": a pasted UPI reference (UTR) finds its payment and QR
CREATE INDEX qr_payment_upi_reference_idx ON qr_payment (upi_reference) WHERE upi_reference IS NOT NULL;
