-- A flagged or unmatched payment that operations have looked at is marked resolved, once, with who
-- did it (admin:<client id>), when, and their note. The row keeps its status and flag reason: the
-- resolution is the audit record of the decision and is never overwritten (the UPDATE requires
-- resolved_at IS NULL).
ALTER TABLE qr_payment ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE qr_payment ADD COLUMN resolved_by VARCHAR(80);
ALTER TABLE qr_payment ADD COLUMN resolution_note VARCHAR(1000);
ALTER TABLE qr_payment ADD CONSTRAINT qr_payment_resolution_whole
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL) AND (resolved_at IS NULL) = (resolution_note IS NULL));

-- the queue: payments waiting for operations, oldest first (replaces V3's qr_payment_attention_idx
-- for this purpose; that one stays for the provider callbacks' own reads)
CREATE INDEX qr_payment_waiting_idx ON qr_payment (received_at, id) WHERE status <> 'applied' AND resolved_at IS NULL;
