package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.payorch.adapters.aop.AopQrClient;
import io.payorch.application.QrSettings;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.service.QrIntentService;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Builds the plain-Java services and adapters; the core carries no framework annotation. */
@Factory
class CoreFactory {

    @Singleton
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    @Singleton
    IdGenerator idGenerator(Clock clock) {
        return new RandomIdGenerator(clock);
    }

    @Singleton
    QrSettings qrSettings(@Value("${payorch.qr.maximum-amount:100000}") String maximumAmount,
                          @Value("${payorch.qr.routing-order:AOP,BOS,RAZORPAY,OQPAY}") String routingOrder) {
        List<Provider> order = Arrays.stream(routingOrder.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Provider.valueOf(s.toUpperCase(Locale.ROOT)))
                .toList();
        return new QrSettings(Money.parse(maximumAmount), order);
    }

    @Singleton
    QrProviderPort aop(ProviderRegistry providers) {
        return new AopQrClient(providers.endpoint("aop"), providers.transport("aop"));
    }

    @Singleton
    QrIntentService qrIntentService(QrIntentStore store, List<QrProviderPort> providers, IdGenerator ids,
                                    Clock clock, QrSettings settings) {
        return new QrIntentService(store, providers, ids, clock, settings);
    }
}
