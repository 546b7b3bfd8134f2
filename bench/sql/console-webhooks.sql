-- bench/console.sh, after the QRs are loaded: merchant webhook deliveries for the console's webhook pages.
-- Loading the QRs wrote their outbox events already (one per QR, V11's triggers); here each of the 20
-- merchants gets an endpoint, switched off so that the running payorch sends nothing, and 1 event in 5
-- gets a delivery with one attempt: 97 % delivered, 2 % pending (more than the overview's count cap of
-- 10,000 at 5,000,000 QRs), 1 % failed.
INSERT INTO webhook_endpoint (id, merchant_id, url, events, enabled, disabled_reason, secret_sealed, created_at, updated_at)
SELECT 'we_bench_' || m, 'merchant-' || m, 'https://merchant-' || m || '.example/hooks', ARRAY['*'], false, 'manual',
       'not-a-sealed-secret', now() - interval '31 days', now() - interval '31 days'
  FROM generate_series(0, 19) m
    ON CONFLICT (id) DO NOTHING;

ALTER TABLE webhook_delivery DISABLE TRIGGER webhook_delivery_notify; -- no wake-up per row for a bulk load

INSERT INTO webhook_delivery (event_id, endpoint_id, merchant_id, event_type, status, attempts, next_attempt_at,
                              last_attempt_at, last_status_code, created_at)
SELECT ev.id, 'we_bench_' || substr(ev.merchant_id, 10), ev.merchant_id, ev.type, s.status, 1,
       CASE WHEN s.status = 'pending' THEN ev.created_at + interval '5 minutes' END, ev.created_at + interval '1 second',
       CASE WHEN s.status = 'delivered' THEN 200 ELSE 503 END, ev.created_at
  FROM outbound_event ev
 CROSS JOIN LATERAL (SELECT abs(hashtext(ev.id)) AS h) x
 CROSS JOIN LATERAL (SELECT CASE WHEN x.h % 500 < 10 THEN 'pending' WHEN x.h % 500 < 15 THEN 'failed'
                                 ELSE 'delivered' END AS status) s
 WHERE ev.merchant_id LIKE 'merchant-%' AND x.h % 5 = 0
    ON CONFLICT (event_id, endpoint_id) DO NOTHING;

ALTER TABLE webhook_delivery ENABLE TRIGGER webhook_delivery_notify;

INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code, error, body_excerpt)
SELECT d.id, d.last_attempt_at, 40 + d.id % 200, d.last_status_code,
       CASE WHEN d.last_status_code <> 200 THEN 'receiver answered HTTP 503' END,
       CASE WHEN d.last_status_code = 200 THEN '{"ok":true}' ELSE '<html>Service Unavailable</html>' END
  FROM webhook_delivery d
 WHERE d.endpoint_id LIKE 'we_bench_%' AND NOT EXISTS (SELECT 1 FROM webhook_attempt a WHERE a.delivery_id = d.id);
