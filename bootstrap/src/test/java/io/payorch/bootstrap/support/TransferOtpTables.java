package io.payorch.bootstrap.support;

/**
 * The transfer-OTP tables as the DMT branch's migration defines them, created only where that
 * migration has not run yet, so the admin OTP queries can be tested on their own.
 */
public final class TransferOtpTables {

    private TransferOtpTables() {
    }

    public static void ensure() {
        Sql.update("CREATE TABLE IF NOT EXISTS transfer_otp (id VARCHAR(40) PRIMARY KEY, registration_id VARCHAR(64) NOT NULL,"
                + " remitter_mobile_masked VARCHAR(16) NOT NULL, remitter_mobile_hash CHAR(64) NOT NULL,"
                + " beneficiary_id VARCHAR(64) NOT NULL, transfer_type VARCHAR(8) NOT NULL, amount_paise BIGINT NOT NULL,"
                + " status VARCHAR(24) NOT NULL, provider_state VARCHAR(128), sent_at TIMESTAMPTZ, expires_at TIMESTAMPTZ,"
                + " failure_reason TEXT, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL, version BIGINT NOT NULL)");
        Sql.update("CREATE TABLE IF NOT EXISTS transfer_otp_event (id BIGSERIAL PRIMARY KEY,"
                + " otp_id VARCHAR(40) NOT NULL REFERENCES transfer_otp (id), from_status VARCHAR(24), to_status VARCHAR(24) NOT NULL,"
                + " at TIMESTAMPTZ NOT NULL, reason TEXT, source VARCHAR(32) NOT NULL)");
    }
}
