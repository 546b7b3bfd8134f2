package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.payorch.adapters.dmt.DmtOtpClient;
import io.payorch.application.TransferOtpSettings;
import io.payorch.application.pii.MobileNumberProtection;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.TransferOtpProviderPort;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.application.service.TransferOtpService;
import io.payorch.domain.Money;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the transfer-OTP side: AOPay's DMT client, the PII protection and the service. */
@Factory
class TransferOtpFactory {

    @Singleton
    TransferOtpSettings transferOtpSettings(
            @Value("${payorch.transfer-otp.minimum-amount:1}") String minimumAmount,
            @Value("${payorch.transfer-otp.maximum-amount:25000}") String maximumAmount,
            @Value("${payorch.transfer-otp.adult-age:18}") int adultAge) {
        return new TransferOtpSettings(Money.parse(minimumAmount), Money.parse(maximumAmount), adultAge);
    }

    /** The hash key is a secret from the environment ({@code PAYORCH_PII_HASH_KEY}); never logged. */
    @Singleton
    MobileNumberProtection mobileNumberProtection(@Value("${payorch.pii.hash-key:}") String hashKey) {
        if (hashKey.isBlank()) {
            throw new IllegalStateException("payorch.pii.hash-key (PAYORCH_PII_HASH_KEY) is not set: it keys the"
                    + " hash under which remitter mobiles are kept");
        }
        return new MobileNumberProtection(hashKey);
    }

    @Singleton
    TransferOtpProviderPort dmt(ProviderRegistry providers) {
        return new DmtOtpClient(providers.endpoint("dmt"), providers.transport("dmt"));
    }

    @Singleton
    TransferOtpService transferOtpService(TransferOtpStore store, TransferOtpProviderPort provider, IdGenerator ids,
                                          Clock clock, TransferOtpSettings settings, MobileNumberProtection mobiles) {
        return new TransferOtpService(store, provider, ids, clock, settings, mobiles);
    }
}
