package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Prints what a newcomer needs once the sandbox listens: the URL, the sandbox credentials (they
 * are public test values, never real secrets) and a first request to try.
 */
@Singleton
@Requires(env = "sandbox")
public class SandboxBanner implements ApplicationEventListener<ServerStartupEvent> {

    private final String dataSource;

    SandboxBanner(@Value("${datasources.default.url:}") String dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString();
        String database = dataSource.replaceAll("(?i)password=[^&]*", "password=***");
        System.out.println("""

                ============================================================
                 payorch sandbox is running at %1$s
                 database:  %2$s
                 merchant:  sandbox-merchant / sandbox-secret
                 admin:     sandbox-admin / sandbox-admin-secret
                 webhooks:  every provider's secret is sandbox-webhook-secret
                 simulators of AOPay, OQPay, BOS, Razorpay and AOPay DMT answer under %1$s/sandbox/
                 pay a QR:  POST %1$s/sandbox/qr-codes/{id}/pay  (its provider sends the signed notification)
                 merchant webhooks: sandbox-merchant's endpoint delivers every event to %1$s/sandbox/merchant-webhooks
                            (GET it to see what arrived; its signing secret is %3$s)
                 triggers:  registrationId ending -REJECT, -TIMEOUT, -FAIL500, -GARBAGE, -SHORTLIVED;
                            remitter mobile ending 0000 (not registered), 1111 (authentication failed)
                 try:
                   curl -s -u sandbox-merchant:sandbox-secret -X POST %1$s/v1/qr-codes \\
                     -H 'Content-Type: application/json' \\
                     -d '{"registrationId":"AOP-554","amount":"10.00","provider":"AOP"}'
                ============================================================
                """.formatted(url, database, SandboxMerchantWebhooks.SECRET));
    }
}
