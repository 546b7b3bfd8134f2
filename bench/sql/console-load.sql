-- bench/console.sh: one batch of the console's data set, rows :lo .. :hi of :total (psql variables).
-- QRs are spread over the last 30 days (row :total is the newest); the newest 2,000 are ACTIVE, the
-- others finished (50 % EXPIRED, 30 % PAID, 10 % CLOSED, 10 % FAILED); 20 merchants; two events and
-- one provider attempt per QR; a payment for 1 QR in 10 (1 in 100 of those flagged); a transfer OTP
-- for 1 QR in 10 with one event.
INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, status, provider_reference, upi_intent,
                       expires_at, closed_at, close_reason, failure_reason, payments_count, payments_total_paise,
                       created_at, updated_at, version, merchant_id)
SELECT 'qrb_' || lpad(g::text, 9, '0'), 'REG-' || (g % 200000), (ARRAY['AOP','OQPAY','BOS','RAZORPAY'])[1 + g % 4],
       100 + (g % 100000) * 7, 'single_use', s.status, 'REF' || g, 'upi://pay?pa=bench@upi&pn=Bench&am=1.00&tr=' || g,
       CASE WHEN s.status = 'ACTIVE' THEN now() + interval '1 day' ELSE t.at + interval '5 minutes' END,
       CASE WHEN s.status = 'CLOSED' THEN t.at + interval '1 minute' END, CASE WHEN s.status = 'CLOSED' THEN 'merchant' END,
       CASE WHEN s.status = 'FAILED' THEN '400: VPA does not exist' END,
       CASE WHEN s.status = 'PAID' THEN 1 ELSE 0 END, CASE WHEN s.status = 'PAID' THEN 100 + (g % 100000) * 7 ELSE 0 END,
       t.at, t.at, 2, 'merchant-' || (g % 20)
  FROM generate_series(:lo, :hi) g
 CROSS JOIN LATERAL (SELECT now() - interval '30 days' * (1 - g::float8 / :total) AS at) t
 CROSS JOIN LATERAL (SELECT CASE WHEN g > :total - 2000 THEN 'ACTIVE' WHEN g % 10 < 5 THEN 'EXPIRED'
                                 WHEN g % 10 < 8 THEN 'PAID' WHEN g % 10 = 8 THEN 'CLOSED' ELSE 'FAILED' END AS status) s;

INSERT INTO qr_intent_event (qr_id, from_status, to_status, at, reason, source)
SELECT q.id, e.from_status, e.to_status, q.created_at + e.after, e.reason, e.source
  FROM qr_intent q
 CROSS JOIN LATERAL (VALUES (NULL, 'PENDING', interval '0', 'created', 'merchant:' || q.merchant_id),
                            ('PENDING', CASE WHEN q.status = 'FAILED' THEN 'FAILED' ELSE 'ACTIVE' END, interval '1 second',
                             'provider answered', 'provider:' || q.provider)) e(from_status, to_status, after, reason, source)
 WHERE q.id BETWEEN 'qrb_' || lpad(:lo::text, 9, '0') AND 'qrb_' || lpad(:hi::text, 9, '0');

INSERT INTO qr_provider_attempt (qr_id, provider, outcome, at, detail)
SELECT q.id, q.provider,
       CASE WHEN q.status = 'FAILED' THEN 'rejected' WHEN right(q.id, 2) = '37' THEN 'unknown' ELSE 'accepted' END,
       q.created_at + interval '1 second',
       CASE WHEN q.status = 'FAILED' THEN '400: VPA does not exist' WHEN right(q.id, 2) = '37'
            THEN 'no answer within the read timeout' ELSE 'reference ' || q.provider_reference END
  FROM qr_intent q
 WHERE q.id BETWEEN 'qrb_' || lpad(:lo::text, 9, '0') AND 'qrb_' || lpad(:hi::text, 9, '0');

INSERT INTO qr_payment (provider, payment_id, qr_id, amount_paise, upi_reference, event_id, received_at, status, flag_reason)
SELECT q.provider, 'payb_' || q.id, q.id, q.amount_paise, 'UTRB' || substr(q.id, 5), 'evtb_' || q.id,
       q.created_at + interval '2 minutes', CASE WHEN right(q.id, 3) = '113' THEN 'flagged' ELSE 'applied' END,
       CASE WHEN right(q.id, 3) = '113' THEN 'amount_mismatch: paid more than the QR asks' END
  FROM qr_intent q
 WHERE q.id BETWEEN 'qrb_' || lpad(:lo::text, 9, '0') AND 'qrb_' || lpad(:hi::text, 9, '0') AND right(q.id, 1) = '3';

INSERT INTO transfer_otp (id, registration_id, remitter_mobile_masked, remitter_mobile_hash, beneficiary_id, transfer_type,
                          amount_paise, status, provider_state, sent_at, expires_at, created_at, updated_at, version, merchant_id)
SELECT 'otpb_' || lpad(g::text, 9, '0'), 'REG-' || (g % 200000), '98XXXXXX10', md5(g::text) || md5((g + 1)::text),
       'BEN-' || (g % 5000), 'IMPS', 150000, CASE WHEN g > :total - 200 THEN 'OTP_SENT' ELSE 'EXPIRED' END, 'OTP sent',
       t.at, t.at + interval '90 seconds', t.at, t.at, 1, 'merchant-' || (g % 20)
  FROM generate_series(:lo, :hi) g
 CROSS JOIN LATERAL (SELECT now() - interval '30 days' * (1 - g::float8 / :total) AS at) t
 WHERE g % 10 = 0;

INSERT INTO transfer_otp_event (otp_id, from_status, to_status, at, reason, source)
SELECT o.id, NULL, 'PENDING', o.created_at, 'created', 'merchant:' || o.merchant_id
  FROM transfer_otp o
 WHERE o.id BETWEEN 'otpb_' || lpad(:lo::text, 9, '0') AND 'otpb_' || lpad(:hi::text, 9, '0');
