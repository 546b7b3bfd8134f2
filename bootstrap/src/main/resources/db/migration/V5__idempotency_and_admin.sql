-- Idempotency keys: the first request's answer, replayed to retries (scoped to client + operation).
CREATE TABLE idempotency_record (
    client_id        VARCHAR(64)  NOT NULL,
    operation        VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    claim_token      VARCHAR(64)  NOT NULL,
    claimed_at       TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    response_status  INT,
    response_type    VARCHAR(100),
    response_body    BYTEA,
    response_location TEXT,
    PRIMARY KEY (client_id, operation, idempotency_key)
);
CREATE INDEX idempotency_record_expires_idx ON idempotency_record (expires_at);

-- admin search filters, each combined with the (created_at DESC, id DESC) keyset order
CREATE INDEX qr_intent_status_created_idx ON qr_intent (status, created_at DESC, id DESC);
CREATE INDEX qr_intent_registration_created_idx ON qr_intent (registration_id, created_at DESC, id DESC);
-- /admin/providers: recent outcomes per provider
CREATE INDEX qr_provider_attempt_provider_idx ON qr_provider_attempt (provider, at DESC);
