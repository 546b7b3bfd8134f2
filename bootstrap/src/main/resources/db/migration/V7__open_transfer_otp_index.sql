-- The state gauges (payorch_qr_state, payorch_otp_state) count only the open states, every 30 s on
-- every instance. For QRs, qr_intent_status_created_idx serves that; transfer OTPs had no index on
-- their status, so each refresh read the whole table. This partial index holds only the open OTPs
-- (a few minutes' worth: an OTP is sent, then expires 90 s later), so the count reads only those
-- rows however many finished OTPs the table keeps. The list must match TransferOtpStatus.isFinal()
-- (JdbcTransferOtpReader.OPEN_COUNTS_SQL; OpenStateCountsTest checks that the plan uses this index).
CREATE INDEX transfer_otp_open_status_idx ON transfer_otp (status)
    WHERE status IN ('PENDING', 'OTP_SENT', 'REGISTRATION_OTP_SENT', 'UNKNOWN');
