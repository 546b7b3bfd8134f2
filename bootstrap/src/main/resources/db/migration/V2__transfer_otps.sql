-- Transfer OTPs of domestic money transfers and their audit history.
-- Personal data is minimised: the remitter's mobile is kept masked (98XXXXXX10) and as a keyed
-- HMAC-SHA256 for lookups; date of birth, address and coordinates go to the provider and are
-- deliberately not columns here.
CREATE TABLE transfer_otp (
    id                     VARCHAR(40)  PRIMARY KEY,
    registration_id        VARCHAR(64)  NOT NULL,
    remitter_mobile_masked VARCHAR(16)  NOT NULL CHECK (remitter_mobile_masked ~ '^[0-9]{0,2}X{4,}[0-9]{0,2}$'),
    remitter_mobile_hash   CHAR(64)     NOT NULL,
    beneficiary_id         VARCHAR(64)  NOT NULL,
    transfer_type          VARCHAR(8)   NOT NULL CHECK (transfer_type IN ('IMPS', 'NEFT')),
    amount_paise           BIGINT       NOT NULL CHECK (amount_paise > 0),
    status                 VARCHAR(24)  NOT NULL,
    provider_state         VARCHAR(128),
    sent_at                TIMESTAMPTZ,
    expires_at             TIMESTAMPTZ,
    failure_reason         TEXT,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL
);

-- the sweep's claim: due sent OTPs only
CREATE INDEX transfer_otp_due_idx ON transfer_otp (expires_at) WHERE status IN ('OTP_SENT', 'REGISTRATION_OTP_SENT');
-- admin listing, newest first, keyset pagination
CREATE INDEX transfer_otp_created_idx ON transfer_otp (created_at DESC, id DESC);
-- finding a remitter's OTPs by the keyed hash of the mobile, never by the number itself
CREATE INDEX transfer_otp_mobile_hash_idx ON transfer_otp (remitter_mobile_hash);

CREATE TABLE transfer_otp_event (
    id          BIGSERIAL    PRIMARY KEY,
    otp_id      VARCHAR(40)  NOT NULL REFERENCES transfer_otp (id),
    from_status VARCHAR(24),
    to_status   VARCHAR(24)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    reason      TEXT,
    source      VARCHAR(32)  NOT NULL
);
CREATE INDEX transfer_otp_event_otp_idx ON transfer_otp_event (otp_id, id);
