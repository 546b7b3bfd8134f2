package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.payorch.application.service.EndpointUrlPolicy;
import io.payorch.application.merchantwebhook.RetrySchedule;
import io.payorch.application.merchantwebhook.SecretCipher;
import io.payorch.application.service.WebhookDeliveryService;
import io.payorch.application.service.WebhookEndpointService;
import io.payorch.application.merchantwebhook.WebhookSettings;
import io.payorch.application.port.out.HostResolver;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.application.port.out.WebhookEndpointStore;
import io.payorch.application.port.out.WebhookEventReadPort;
import io.payorch.application.port.out.WebhookTransport;
import io.payorch.bootstrap.persistence.DeliveryPool;
import io.payorch.bootstrap.webhooks.DeliveryNotifications;
import io.payorch.bootstrap.webhooks.JdkWebhookTransport;
import io.payorch.bootstrap.webhooks.WebhookDispatcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wiring of merchant webhooks, settings under {@code payorch.webhooks} (README "Merchant webhooks"):
 * {@code encryption-key}, {@code secret-overlap} (24h), {@code connect-timeout} (2s), {@code timeout}
 * (10s), {@code retry-schedule}, {@code disable-after} (5d), {@code retention} (30d),
 * {@code require-https} (true; sandbox false), {@code allow-private-targets} (false; sandbox true),
 * {@code lease} (1m), {@code per-endpoint-concurrency} (32), {@code max-in-flight} (128),
 * {@code poll-interval} (2s), {@code threads} (4), {@code database-connections} (4, {@link DeliveryPool}).
 */
@Factory
class WebhookFactory {

    @Singleton
    SecretCipher secretCipher(@Value("${payorch.webhooks.encryption-key:}") String key) {
        if (key.isBlank()) {
            throw new ConfigurationException("payorch.webhooks.encryption-key (PAYORCH_WEBHOOKS_ENCRYPTION_KEY) is not"
                    + " set: the base64 of 32 random bytes, e.g. from `openssl rand -base64 32`");
        }
        try {
            return SecretCipher.fromBase64Key(key);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("payorch.webhooks.encryption-key (PAYORCH_WEBHOOKS_ENCRYPTION_KEY): "
                    + e.getMessage());
        }
    }

    @Singleton
    HostResolver hostResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    @Singleton
    EndpointUrlPolicy endpointUrlPolicy(@Value("${payorch.webhooks.require-https:true}") boolean requireHttps,
                                        @Value("${payorch.webhooks.allow-private-targets:false}") boolean allowPrivate,
                                        HostResolver resolver) {
        return new EndpointUrlPolicy(requireHttps, allowPrivate, resolver);
    }

    @Singleton
    WebhookSettings webhookSettings(@Value("${payorch.webhooks.secret-overlap:24h}") Duration overlap,
                                    @Value("${payorch.webhooks.retry-schedule:" + RetrySchedule.DEFAULT + "}") String schedule,
                                    @Value("${payorch.webhooks.disable-after:5d}") Duration disableAfter,
                                    @Value("${payorch.webhooks.retention:30d}") Duration retention,
                                    @Value("${payorch.webhooks.lease:1m}") Duration lease,
                                    @Value("${payorch.webhooks.per-endpoint-concurrency:32}") int perEndpoint) {
        RetrySchedule retries;
        try {
            retries = RetrySchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("payorch.webhooks.retry-schedule (PAYORCH_WEBHOOKS_RETRY_SCHEDULE): "
                    + e.getMessage());
        }
        return new WebhookSettings(overlap, retries, disableAfter, retention, lease, perEndpoint);
    }

    @Singleton
    WebhookEndpointService webhookEndpointService(WebhookEndpointStore endpoints, WebhookEventReadPort events,
                                                  WebhookDeliveryStore deliveries, EndpointUrlPolicy urls,
                                                  SecretCipher cipher, IdGenerator ids, Clock clock,
                                                  WebhookSettings settings) {
        return new WebhookEndpointService(endpoints, events, deliveries, urls, cipher, ids, clock, settings);
    }

    /** The HTTP client's callbacks: a few threads, since no thread ever waits on a receiver. */
    @Singleton
    @Named("webhook-http")
    ExecutorService webhookHttpExecutor(@Value("${payorch.webhooks.threads:4}") int threads) {
        return Executors.newFixedThreadPool(threads, named("webhook-http-"));
    }

    @Singleton
    WebhookTransport webhookTransport(@Value("${payorch.webhooks.connect-timeout:2s}") Duration connectTimeout,
                                      @Value("${payorch.webhooks.timeout:10s}") Duration timeout,
                                      @Named("webhook-http") ExecutorService executor) {
        return new JdkWebhookTransport(connectTimeout, timeout, executor);
    }

    @Singleton
    WebhookDeliveryService webhookDeliveryService(WebhookDeliveryStore store, WebhookEndpointStore endpoints,
                                                  WebhookTransport transport, SecretCipher cipher,
                                                  EndpointUrlPolicy urls, WebhookSettings settings, Clock clock,
                                                  WebhookDeliveryService.Observer observer) {
        return new WebhookDeliveryService(store, endpoints, transport, cipher, urls, settings, clock, observer);
    }

    /**
     * This instance's deliverer: attempts are prepared and recorded on threads of their own (JDBC);
     * the instance name (host, pid, random) marks its leases. A recording thread mostly waits for the
     * statement that records its attempt with the others finished meanwhile, so there are four per
     * HTTP thread: as many attempts as there are recording threads share one statement.
     */
    @Singleton
    WebhookDispatcher webhookDispatcher(WebhookDeliveryService deliveries,
                                        @Value("${payorch.webhooks.max-in-flight:128}") int maxInFlight,
                                        @Value("${payorch.webhooks.poll-interval:2s}") Duration pollInterval,
                                        @Value("${payorch.webhooks.threads:4}") int httpThreads) {
        int threads = 4 * httpThreads;
        String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        if (instance.length() > 64) {
            instance = instance.substring(instance.length() - 64);
        }
        return new WebhookDispatcher(deliveries, instance, maxInFlight, pollInterval,
                Executors.newFixedThreadPool(threads, named("webhook-record-")));
    }

    @Singleton
    DeliveryNotifications deliveryNotifications(DeliveryPool pool, WebhookDispatcher dispatcher) {
        return new DeliveryNotifications(pool.dataSource(), dispatcher::wake);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
