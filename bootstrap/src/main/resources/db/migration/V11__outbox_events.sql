-- The outbox (issue 17): every state change of a QR or transfer OTP, and every payment applied to or
-- flagged on a QR, writes exactly one outbound_event row from a trigger of the changing statement
-- itself, so a change without its event (or an event without its change) cannot commit, kill -9 or
-- not. The event's body holds the resource exactly as GET /v1/qr-codes/{id} or
-- /v1/transfer-otps/{id} answers it after the change (web QrView, TransferOtpView: nulls left out,
-- amounts as rupee strings, instants as ISO-8601 UTC like java.time.Instant); WebhookOutboxTest
-- compares the two. Rows without an owner (merchant_id NULL, written before V8) send no events.

-- An instant as java.time.Instant#toString writes it: seconds, then 0, 3 or 6 fraction digits, then Z.
CREATE FUNCTION payorch_instant_text(t TIMESTAMPTZ) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t IS NULL THEN NULL ELSE
        to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN us = 0 THEN '' WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                ELSE '.' || lpad(us::text, 6, '0') END
        || 'Z' END
      FROM (SELECT extract(microseconds FROM t)::bigint % 1000000 AS us) f
$$;

-- Paise as a rupee string with two decimals ("10.00"), like domain Money#toDecimalString.
CREATE FUNCTION payorch_money_text(paise BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN paise IS NULL THEN NULL ELSE (paise / 100)::text || '.' || lpad((paise % 100)::text, 2, '0') END
$$;

-- A QR as GET answers it (web QrView, same fields in the same order).
CREATE FUNCTION payorch_qr_json(q qr_intent) RETURNS JSON LANGUAGE sql STABLE AS $$
    SELECT json_build_object('id', q.id, 'provider', q.provider, 'providerReference', q.provider_reference,
        'registrationId', q.registration_id, 'amount', payorch_money_text(q.amount_paise), 'usage', q.usage,
        'status', q.status, 'upiIntent', q.upi_intent, 'imageUrl', q.image_url,
        'createdAt', payorch_instant_text(q.created_at), 'expiresAt', payorch_instant_text(q.expires_at),
        'closedAt', payorch_instant_text(q.closed_at), 'closeReason', q.close_reason,
        'paymentsCount', q.payments_count, 'paymentsTotal', payorch_money_text(q.payments_total_paise),
        'failureReason', q.failure_reason)
$$;

-- A transfer OTP as GET answers it (web TransferOtpView); the mobile only ever masked.
CREATE FUNCTION payorch_otp_json(o transfer_otp) RETURNS JSON LANGUAGE sql STABLE AS $$
    SELECT json_build_object('id', o.id, 'registrationId', o.registration_id,
        'remitterMobile', o.remitter_mobile_masked, 'beneficiaryId', o.beneficiary_id,
        'transferType', o.transfer_type, 'amount', payorch_money_text(o.amount_paise), 'status', o.status,
        'providerState', o.provider_state, 'createdAt', payorch_instant_text(o.created_at),
        'sentAt', payorch_instant_text(o.sent_at), 'expiresAt', payorch_instant_text(o.expires_at),
        'failureReason', o.failure_reason)
$$;

CREATE FUNCTION payorch_payment_json(p qr_payment) RETURNS JSON LANGUAGE sql STABLE AS $$
    SELECT json_build_object('provider', p.provider, 'paymentId', p.payment_id,
        'amount', payorch_money_text(p.amount_paise), 'upiReference', p.upi_reference,
        'receivedAt', payorch_instant_text(p.received_at), 'status', p.status, 'flagReason', p.flag_reason)
$$;

CREATE INDEX outbound_event_resource_idx ON outbound_event (resource_id, sequence DESC);

-- One event: the next sequence number of its resource (writers of one resource are serialised by
-- its row lock), an id, and the body {"id","type","createdAt","sequence","data":{"object","payment"}}.
CREATE FUNCTION payorch_emit_event(merchant TEXT, event_type TEXT, resource TEXT, at TIMESTAMPTZ,
                                   object JSON, payment JSON) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    event_id TEXT := 'evt_' || replace(gen_random_uuid()::text, '-', '');
    seq BIGINT := COALESCE((SELECT max(sequence) FROM outbound_event WHERE resource_id = resource), 0) + 1;
BEGIN
    INSERT INTO outbound_event (id, merchant_id, type, resource_id, sequence, created_at, payload)
    VALUES (event_id, merchant, event_type, resource, seq, at,
            json_strip_nulls(json_build_object('id', event_id, 'type', event_type,
                'createdAt', payorch_instant_text(at), 'sequence', seq,
                'data', json_build_object('object', object, 'payment', payment)))::text);
END $$;

CREATE FUNCTION qr_intent_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p qr_payment;
BEGIN
    IF NEW.merchant_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.payments_count > OLD.payments_count THEN
        -- the payments applied by this change, recorded earlier in its transaction, oldest first
        FOR p IN SELECT * FROM (SELECT * FROM qr_payment WHERE qr_id = NEW.id AND status = 'applied'
                                 ORDER BY id DESC LIMIT NEW.payments_count - OLD.payments_count) a ORDER BY id LOOP
            PERFORM payorch_emit_event(NEW.merchant_id, 'qr_code.payment_received', NEW.id, NEW.updated_at,
                                       payorch_qr_json(NEW), payorch_payment_json(p));
        END LOOP;
    END IF;
    IF NEW.status <> 'PENDING' AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        PERFORM payorch_emit_event(NEW.merchant_id,
            'qr_code.' || CASE NEW.status WHEN 'ACTIVE' THEN 'activated' ELSE lower(NEW.status) END,
            NEW.id, NEW.updated_at, payorch_qr_json(NEW), NULL);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER qr_intent_outbox AFTER INSERT OR UPDATE OF status, payments_count ON qr_intent
    FOR EACH ROW EXECUTE FUNCTION qr_intent_outbox();

-- A payment recorded but not applied, on a QR of a merchant: the QR as it is, and the payment.
CREATE FUNCTION qr_payment_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    q qr_intent;
BEGIN
    IF NEW.qr_id IS NULL OR NEW.status <> 'flagged' OR (TG_OP = 'UPDATE' AND OLD.status = 'flagged') THEN
        RETURN NULL;
    END IF;
    SELECT * INTO q FROM qr_intent WHERE id = NEW.qr_id FOR UPDATE; -- serialises its sequence with the QR's changes
    IF q.merchant_id IS NOT NULL THEN
        PERFORM payorch_emit_event(q.merchant_id, 'qr_code.payment_flagged', q.id, NEW.received_at,
                                   payorch_qr_json(q), payorch_payment_json(NEW));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER qr_payment_outbox AFTER INSERT OR UPDATE OF status ON qr_payment
    FOR EACH ROW EXECUTE FUNCTION qr_payment_outbox();

CREATE FUNCTION transfer_otp_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.merchant_id IS NOT NULL AND NEW.status <> 'PENDING'
       AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        PERFORM payorch_emit_event(NEW.merchant_id,
            'transfer_otp.' || CASE NEW.status WHEN 'OTP_SENT' THEN 'sent' ELSE lower(NEW.status) END,
            NEW.id, NEW.updated_at, payorch_otp_json(NEW), NULL);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER transfer_otp_outbox AFTER INSERT OR UPDATE OF status ON transfer_otp
    FOR EACH ROW EXECUTE FUNCTION transfer_otp_outbox();
