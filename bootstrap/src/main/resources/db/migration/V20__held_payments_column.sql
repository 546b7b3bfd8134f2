-- A payment that arrived while its QR's outcome was still open (PENDING or UNKNOWN) is recorded,
-- flagged and held: applied, or flagged for good, once the QR's outcome is known. Which payments are
-- held is now a typed column, not a prefix of the free-text flag reason. Adding a column with a
-- constant default rewrites nothing.
ALTER TABLE qr_payment ADD COLUMN held BOOLEAN NOT NULL DEFAULT false;
UPDATE qr_payment SET held = true
 WHERE status = 'flagged' AND (flag_reason LIKE 'qr_pending%' OR flag_reason LIKE 'qr_unknown%');
CREATE INDEX qr_payment_held_idx ON qr_payment (qr_id, id) WHERE held;
