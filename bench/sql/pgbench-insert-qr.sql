-- pgbench baseline: one INSERT of a row like payorch's QR row (the write before the provider call),
-- one transaction per statement, as payorch's first write is.
\set amount random(100, 10000000)
INSERT INTO qr_intent (id, registration_id, provider, amount_paise, usage, description, status,
                       created_at, updated_at, version)
VALUES ('qr_' || replace(gen_random_uuid()::text, '-', ''), 'bench-registration', 'AOP', :amount,
        'single_use', 'pgbench baseline', 'PENDING', now(), now(), 0);
