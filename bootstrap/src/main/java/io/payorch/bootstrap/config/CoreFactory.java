package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.payorch.adapters.aop.AopQrClient;
import io.payorch.adapters.bos.BosCredentials;
import io.payorch.adapters.bos.BosQrClient;
import io.payorch.adapters.oqpay.OqpayQrClient;
import io.payorch.adapters.razorpay.RazorpayQrClient;
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
    QrProviderPort oqpay(ProviderRegistry providers) {
        return new OqpayQrClient(providers.endpoint("oqpay"), providers.transport("oqpay"));
    }

    @Singleton
    QrProviderPort bos(ProviderRegistry providers, Clock clock,
                       @Value("${payorch.providers.bos.token-path:/api/BOS/V4/Token}") String tokenPath,
                       @Value("${payorch.providers.bos.token-safety-margin:60s}") java.time.Duration tokenSafetyMargin) {
        ProviderProperties p = providers.properties("bos");
        return new BosQrClient(providers.endpoint("bos"), providers.transport("bos"),
                new BosCredentials(tokenPath, p.getUsername(), p.getPassword(), tokenSafetyMargin), clock);
    }

    @Singleton
    QrProviderPort razorpay(ProviderRegistry providers, Clock clock) {
        ProviderProperties p = providers.properties("razorpay");
        return new RazorpayQrClient(providers.endpoint("razorpay"), providers.transport("razorpay"), clock,
                p.getUsername(), p.getPassword());
    }

    @Singleton
    QrIntentService qrIntentService(QrIntentStore store, List<QrProviderPort> providers, IdGenerator ids,
                                    Clock clock, QrSettings settings) {
        return new QrIntentService(store, providers, ids, clock, settings);
    }
}
