-- Payments reported by provider notifications, the notification events received (deduplication),
-- and the reconciliation lease of QRs whose provider outcome is open.

CREATE TABLE qr_payment (
    id            BIGSERIAL    PRIMARY KEY,
    provider      VARCHAR(16)  NOT NULL,
    payment_id    VARCHAR(128) NOT NULL,
    qr_id         VARCHAR(40)  REFERENCES qr_intent (id),
    amount_paise  BIGINT       NOT NULL CHECK (amount_paise > 0),
    upi_reference VARCHAR(128),
    event_id      VARCHAR(255) NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    -- applied | flagged (recorded, not applied: operations must look) | unmatched (no QR found)
    status        VARCHAR(16)  NOT NULL,
    flag_reason   TEXT,
    CONSTRAINT qr_payment_provider_payment_uq UNIQUE (provider, payment_id)
);
CREATE INDEX qr_payment_qr_idx ON qr_payment (qr_id, id);
CREATE INDEX qr_payment_attention_idx ON qr_payment (received_at) WHERE status <> 'applied';

CREATE TABLE webhook_event (
    provider    VARCHAR(16)  NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    qr_id       VARCHAR(40),
    detail      TEXT,
    PRIMARY KEY (provider, event_id)
);
CREATE INDEX webhook_event_qr_idx ON webhook_event (qr_id) WHERE qr_id IS NOT NULL;

-- a PENDING/UNKNOWN QR is not handed to another reconciler before this instant
ALTER TABLE qr_intent ADD COLUMN reconcile_after TIMESTAMPTZ;
