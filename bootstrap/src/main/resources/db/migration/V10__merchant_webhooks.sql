-- Merchant webhooks (issue 17): endpoints, the event outbox, deliveries and their attempts.

-- A merchant's endpoint. Secrets are AES-GCM sealed (application SecretCipher): a dump reveals none.
-- While a rotation overlaps, the previous secret signs beside the new one until previous_secret_until.
CREATE TABLE webhook_endpoint (
    id                        VARCHAR(40)   PRIMARY KEY,
    merchant_id               VARCHAR(100)  NOT NULL,
    url                       VARCHAR(2048) NOT NULL,
    events                    TEXT[]        NOT NULL,
    description               VARCHAR(500),
    enabled                   BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason           VARCHAR(16),
    secret_sealed             TEXT          NOT NULL,
    previous_secret_sealed    TEXT,
    previous_secret_until     TIMESTAMPTZ,
    -- the first failed attempt since the last delivered one; disabled after payorch.webhooks.disable-after
    failing_since             TIMESTAMPTZ,
    created_at                TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_endpoint_merchant_idx ON webhook_endpoint (merchant_id, created_at DESC, id DESC);

-- The outbox: one row per state change, written in the same statement or transaction as the change.
-- payload is the exact body every delivery sends (identical bytes on every attempt).
CREATE TABLE outbound_event (
    id           VARCHAR(40)  PRIMARY KEY,
    merchant_id  VARCHAR(100) NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    resource_id  VARCHAR(40)  NOT NULL,
    sequence     BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL
);
CREATE INDEX outbound_event_merchant_idx ON outbound_event (merchant_id, created_at DESC, id DESC);
CREATE INDEX outbound_event_created_idx ON outbound_event (created_at);

-- One event to one endpoint. A claim is a lease (lease_until, claimed_by) taken with FOR UPDATE SKIP LOCKED;
-- a lease that ends without a recorded attempt (the instance died) makes the delivery due again.
CREATE TABLE webhook_delivery (
    id               BIGSERIAL    PRIMARY KEY,
    event_id         VARCHAR(40)  NOT NULL REFERENCES outbound_event (id) ON DELETE CASCADE,
    endpoint_id      VARCHAR(40)  NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    merchant_id      VARCHAR(100) NOT NULL,
    event_type       VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    lease_until      TIMESTAMPTZ,
    claimed_by       VARCHAR(64),
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    created_at       TIMESTAMPTZ  NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC, event_id DESC);
CREATE INDEX webhook_delivery_created_idx ON webhook_delivery (created_at DESC, id DESC);
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id);

CREATE TABLE webhook_attempt (
    id            BIGSERIAL     PRIMARY KEY,
    delivery_id   BIGINT        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  TIMESTAMPTZ   NOT NULL,
    duration_ms   BIGINT        NOT NULL,
    status_code   INT,
    error         VARCHAR(300),
    body_excerpt  VARCHAR(1024)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, attempted_at);

-- Whether an endpoint subscribed with these filters takes an event type: the type itself, its family
-- (qr_code.*, transfer_otp.*) or * (application EventTypes.matches is the same rule).
CREATE FUNCTION webhook_endpoint_takes(filters TEXT[], event_type TEXT) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT event_type = ANY (filters) OR '*' = ANY (filters) OR split_part(event_type, '.', 1) || '.*' = ANY (filters)
$$;

-- Fan-out in the event's own statement: a delivery per enabled endpoint of the event's merchant whose
-- filters take its type (webhook_endpoint_takes). An event and its deliveries commit together.
CREATE FUNCTION outbound_event_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_delivery (event_id, endpoint_id, merchant_id, event_type, status, next_attempt_at, created_at)
    SELECT NEW.id, e.id, NEW.merchant_id, NEW.type, 'pending', NEW.created_at, NEW.created_at
      FROM webhook_endpoint e
     WHERE e.merchant_id = NEW.merchant_id AND e.enabled
       AND webhook_endpoint_takes(e.events, NEW.type);
    RETURN NULL;
END $$;
CREATE TRIGGER outbound_event_fan_out AFTER INSERT ON outbound_event
    FOR EACH ROW EXECUTE FUNCTION outbound_event_fan_out();

-- Wakes the deliverers of every instance when deliveries commit (PostgreSQL folds the notifications
-- of one transaction into one); a slow poll is the safety net.
CREATE FUNCTION webhook_delivery_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('payorch_webhook_deliveries', '');
    RETURN NULL;
END $$;
CREATE TRIGGER webhook_delivery_notify AFTER INSERT ON webhook_delivery
    FOR EACH ROW EXECUTE FUNCTION webhook_delivery_notify();
