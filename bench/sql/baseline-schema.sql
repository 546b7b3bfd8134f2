-- Created by scripts/bench.sh before the baseline starts (the baseline runs no migrations).
CREATE TABLE IF NOT EXISTS bench_row (
    id              VARCHAR(40) PRIMARY KEY,
    registration_id VARCHAR(64) NOT NULL,
    amount_paise    BIGINT      NOT NULL,
    status          VARCHAR(16) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL
);
