package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.payorch.application.port.in.AdminStatsUseCase;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.application.port.out.ConsoleReadPort;
import io.payorch.application.port.out.ConsoleSessionStore;
import io.payorch.application.port.out.PaymentReviewPort;
import io.payorch.application.port.out.ProviderSettingsPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.application.service.ConsoleOverviewService;
import io.payorch.application.service.ConsoleSessionService;
import io.payorch.application.service.PaymentReviewService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Wiring of the operator console's services (payorch.console.*). */
@Factory
class ConsoleFactory {

    @Singleton
    ConsoleSessionService consoleSessions(ConsoleSessionStore store, Clock clock,
                                          @Value("${payorch.console.idle-timeout:15m}") Duration idleTimeout,
                                          @Value("${payorch.console.max-age:8h}") Duration maxAge) {
        return new ConsoleSessionService(store, clock, idleTimeout, maxAge);
    }

    @Singleton
    PaymentReviewService paymentReview(PaymentReviewPort payments, Clock clock) {
        return new PaymentReviewService(payments, clock);
    }

    @Singleton
    ConsoleOverviewService consoleOverview(AdminStatsUseCase stats, ConsoleReadPort reads, PaymentReviewPort payments,
                                           ProviderSettingsPort providers, SweepStatsQuery sweeps, QrIntentStore qrs,
                                           TransferOtpReadPort otps, WebhookDeliveryStore deliveries, Clock clock) {
        return new ConsoleOverviewService(stats, reads, payments, providers, sweeps, qrs, otps, deliveries, clock);
    }
}
