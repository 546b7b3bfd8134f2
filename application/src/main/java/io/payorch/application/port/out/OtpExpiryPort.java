package io.payorch.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Expires due sent transfer OTPs ({@code OTP_SENT}, {@code REGISTRATION_OTP_SENT}); the same
 * contract as {@link QrExpiryPort}.
 */
public interface OtpExpiryPort {

    ExpiredBatch expireDue(Instant now, int limit);

    Optional<Instant> oldestDue(Instant now);
}
