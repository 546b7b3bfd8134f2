-- Every QR and transfer OTP belongs to the merchant client (HTTP Basic id) that created it.
-- Rows written before this migration have no owner (NULL): admins see and close them, no merchant
-- does. An operator who knows whose they were assigns them with, for example:
--   UPDATE qr_intent    SET merchant_id = 'acme' WHERE merchant_id IS NULL;
--   UPDATE transfer_otp SET merchant_id = 'acme' WHERE merchant_id IS NULL;
-- Idempotency records were already scoped by client (idempotency_record.client_id).
ALTER TABLE qr_intent ADD COLUMN merchant_id VARCHAR(64);
ALTER TABLE transfer_otp ADD COLUMN merchant_id VARCHAR(64);

-- admin lists filtered by merchant, in the (created_at DESC, id DESC) keyset order
CREATE INDEX qr_intent_merchant_created_idx ON qr_intent (merchant_id, created_at DESC, id DESC);
CREATE INDEX transfer_otp_merchant_created_idx ON transfer_otp (merchant_id, created_at DESC, id DESC);

-- an event's source names its actor: merchant:<client id>, admin:<client id>, provider:<name>,
-- sweep or reconciliation (client ids are at most 64 characters); widening a VARCHAR rewrites nothing
ALTER TABLE qr_intent_event ALTER COLUMN source TYPE VARCHAR(80);
ALTER TABLE transfer_otp_event ALTER COLUMN source TYPE VARCHAR(80);
