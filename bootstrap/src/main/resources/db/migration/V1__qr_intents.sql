-- QR intents, their audit history and every provider attempt.
CREATE TABLE qr_intent (
    id                   VARCHAR(40)  PRIMARY KEY,
    registration_id      VARCHAR(64)  NOT NULL,
    provider             VARCHAR(16),
    amount_paise         BIGINT CHECK (amount_paise > 0),
    usage                VARCHAR(16)  NOT NULL,
    description          VARCHAR(255),
    status               VARCHAR(16)  NOT NULL,
    provider_reference   VARCHAR(128),
    upi_intent           TEXT,
    image_url            TEXT,
    expires_at           TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,
    close_reason         VARCHAR(64),
    failure_reason       TEXT,
    payments_count       BIGINT       NOT NULL DEFAULT 0,
    payments_total_paise BIGINT       NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL
);

-- the sweep's claim: due ACTIVE rows only
CREATE INDEX qr_intent_due_idx ON qr_intent (expires_at) WHERE status = 'ACTIVE';
-- reconciliation of rows whose outcome is open
CREATE INDEX qr_intent_open_idx ON qr_intent (created_at) WHERE status IN ('PENDING', 'UNKNOWN');
-- admin listing, newest first, keyset pagination
CREATE INDEX qr_intent_created_idx ON qr_intent (created_at DESC, id DESC);
-- notifications are matched by the provider's own reference
CREATE INDEX qr_intent_provider_ref_idx ON qr_intent (provider, provider_reference);

CREATE TABLE qr_intent_event (
    id          BIGSERIAL    PRIMARY KEY,
    qr_id       VARCHAR(40)  NOT NULL REFERENCES qr_intent (id),
    from_status VARCHAR(16),
    to_status   VARCHAR(16)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    reason      TEXT,
    source      VARCHAR(32)  NOT NULL
);
CREATE INDEX qr_intent_event_qr_idx ON qr_intent_event (qr_id, id);

CREATE TABLE qr_provider_attempt (
    id       BIGSERIAL    PRIMARY KEY,
    qr_id    VARCHAR(40)  NOT NULL REFERENCES qr_intent (id),
    provider VARCHAR(16)  NOT NULL,
    outcome  VARCHAR(16)  NOT NULL,
    at       TIMESTAMPTZ  NOT NULL,
    detail   TEXT
);
CREATE INDEX qr_provider_attempt_qr_idx ON qr_provider_attempt (qr_id, id);
