-- :rows ACTIVE QRs that expired a minute ago or earlier, with everything an ACTIVE AOPay QR has.
-- Run with psql -v rows=N against a payorch schema.
INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, description, status,
                       provider_reference, upi_intent, expires_at, created_at, updated_at, version)
SELECT 'qr_bench' || lpad(g::text, 12, '0'),
       'bench-registration-' || (g % 1000),
       'AOP',
       10000 + g % 100000,
       'single_use',
       'bench due QR',
       'ACTIVE',
       'AOPBENCH' || g,
       'upi://pay?ver=01&mode=22&pa=payorch.aop@sandbox&pn=PAYORCHSANDBOX&tr=AOPBENCH' || g || '&cu=INR&am=100',
       now() - interval '1 minute' - (g % 3600) * interval '1 second',
       now() - interval '10 minutes',
       now() - interval '10 minutes',
       1
FROM generate_series(1, :rows) AS g;
ANALYZE qr_intent;
