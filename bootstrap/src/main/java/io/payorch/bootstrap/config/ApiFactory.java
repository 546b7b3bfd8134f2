package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.payorch.application.service.AdminQueryService;
import io.payorch.application.service.TransferOtpQueryService;
import io.payorch.application.service.IdempotencyService;
import io.payorch.application.port.out.ProviderSettingsPort;
import io.payorch.application.port.out.QrIntentSearchPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.IdempotencyStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Wiring of the API's own services (idempotency, admin queries). */
@Factory
class ApiFactory {

    /**
     * {@code payorch.idempotency.retention} (≥ 24 h) and {@code payorch.idempotency.takeover-after}:
     * longer than the slowest create can take (every routed provider's read timeout), so a live
     * request is never taken over; only a claim whose instance died.
     */
    @Singleton
    IdempotencyService idempotencyService(IdempotencyStore store, IdGenerator ids, Clock clock,
                                          @Value("${payorch.idempotency.retention:24h}") Duration retention,
                                          @Value("${payorch.idempotency.takeover-after:2m}") Duration takeoverAfter) {
        return new IdempotencyService(store, ids, clock, retention, takeoverAfter);
    }

    @Singleton
    AdminQueryService adminQueryService(QrIntentSearchPort qrs, QrIntentStore store, TransferOtpReadPort otps,
                                        ProviderSettingsPort providers, SweepStatsQuery sweeps,
                                        Clock clock) {
        return new AdminQueryService(qrs, store, otps, providers, sweeps, clock);
    }

    @Singleton
    TransferOtpQueryService transferOtpQueryService(TransferOtpReadPort otps) {
        return new TransferOtpQueryService(otps);
    }
}
