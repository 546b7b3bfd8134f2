package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.payorch.application.lifecycle.ClaimGate;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.lifecycle.SweepSettings;
import io.payorch.application.port.out.JsonObjectParser;
import io.payorch.application.port.out.NotificationStore;
import io.payorch.application.port.out.OpenQrClaimPort;
import io.payorch.application.port.out.OtpExpiryPort;
import io.payorch.application.port.out.QrExpiryPort;
import io.payorch.adapters.aop.AopCallbacks;
import io.payorch.adapters.bos.BosCallbacks;
import io.payorch.adapters.oqpay.OqpayCallbacks;
import io.payorch.adapters.razorpay.RazorpayNotifications;
import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.TransactionRunner;
import io.payorch.application.service.CloseQrService;
import io.payorch.application.service.ExpirySweepService;
import io.payorch.application.service.NotificationService;
import io.payorch.application.service.ReconciliationService;
import io.payorch.bootstrap.observability.SweepSpans;
import io.payorch.domain.Provider;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * Wires the lifecycle: expiry sweeps, reconciliation, closing and payment notifications.
 *
 * <p>Settings: {@code payorch.sweep.batch-size} (500), {@code payorch.sweep.workers} (2), {@code payorch.reconcile.pending-after} (2m),
 * {@code payorch.reconcile.recheck-after} (1m), {@code payorch.reconcile.qr-lifetime.<provider>}
 * (15m unless set; {@code payorch.reconcile.qr-lifetime.default} changes the default), and each
 * provider's {@code payorch.providers.<name>.webhook-secret} (and, while it rotates,
 * {@code payorch.providers.<name>.previous-webhook-secret}).
 */
@Factory
class LifecycleFactory {

    @Singleton
    LifecycleCounters lifecycleCounters() {
        return new LifecycleCounters();
    }

    /** Closed when the instance drains (shutdown.GracefulDrain): background work claims nothing more. */
    @Singleton
    ClaimGate claimGate() {
        return new ClaimGate();
    }

    @Singleton
    SweepSettings sweepSettings(@Value("${payorch.sweep.batch-size:500}") int batchSize,
                                @Value("${payorch.sweep.workers:2}") int workers,
                                @Value("${payorch.reconcile.pending-after:2m}") Duration pendingAfter,
                                @Value("${payorch.reconcile.recheck-after:1m}") Duration recheckAfter,
                                @Value("${payorch.reconcile.qr-lifetime.default:15m}") Duration defaultLifetime,
                                Environment environment) {
        Map<Provider, Duration> lifetimes = new EnumMap<>(Provider.class);
        for (Provider p : Provider.values()) {
            environment.getProperty("payorch.reconcile.qr-lifetime." + p.name().toLowerCase(Locale.ROOT),
                    Duration.class).ifPresent(d -> lifetimes.put(p, d));
        }
        return new SweepSettings(batchSize, workers, pendingAfter, lifetimes, defaultLifetime, recheckAfter);
    }

    @Singleton
    ExpirySweepService expirySweepService(QrExpiryPort qrs, OtpExpiryPort otps, Clock clock, SweepSettings settings,
                                          LifecycleCounters counters,
                                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking, ClaimGate gate,
                                          OpenTelemetry openTelemetry) {
        SweepSpans spans = new SweepSpans(openTelemetry);
        return new ExpirySweepService(spans.qrs(qrs), spans.otps(otps), clock, settings, counters, blocking, gate);
    }

    @Singleton
    ReconciliationService reconciliationService(OpenQrClaimPort claims, QrIntentStore store,
                                                List<QrProviderPort> providers, Clock clock, SweepSettings settings,
                                                LifecycleCounters counters, ExpirySweepService sweep,
                                                NotificationService heldPayments, ClaimGate gate) {
        return new ReconciliationService(claims, store, providers, clock, settings, counters, sweep, heldPayments,
                gate);
    }

    @Singleton
    CloseQrService closeQrService(QrIntentStore store, List<QrProviderPort> providers, Clock clock) {
        return new CloseQrService(store, providers, clock);
    }

    @Singleton
    JsonObjectParser jsonObjectParser(JsonMapper json) {
        Argument<Map<String, Object>> object = Argument.mapOf(String.class, Object.class);
        return bytes -> {
            try {
                return Optional.ofNullable(json.readValue(bytes, object));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    @Singleton
    NotificationService notificationService(ProviderRegistry registry, JsonObjectParser parser,
                                            TransactionRunner transactions, NotificationStore notifications,
                                            QrIntentStore qrs, Clock clock, LifecycleCounters counters) {
        List<ProviderNotificationPort> readers = List.of(AopCallbacks.port(webhookSecrets(registry, Provider.AOP)),
                BosCallbacks.port(webhookSecrets(registry, Provider.BOS)),
                OqpayCallbacks.port(webhookSecrets(registry, Provider.OQPAY)),
                new RazorpayNotifications(webhookSecrets(registry, Provider.RAZORPAY)));
        return new NotificationService(readers, parser, transactions, notifications, qrs, clock, counters);
    }

    /** A provider's webhook secrets in force: the current one and, while it rotates, the previous one. */
    private static List<String> webhookSecrets(ProviderRegistry registry, Provider provider) {
        ProviderProperties properties = registry.properties(provider.name().toLowerCase(Locale.ROOT));
        return Stream.of(properties.getWebhookSecret(), properties.getPreviousWebhookSecret())
                .filter(Objects::nonNull).toList();
    }
}
