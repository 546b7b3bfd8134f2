package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.port.out.ExpiredBatch;
import io.payorch.application.port.out.QrExpiryPort;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;
import io.payorch.domain.StateChange;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The set-based QR sweep writes what the domain would: EXPIRED with a new version, one event each
 * with the domain's own reason text ({@code QrIntent.expire}), whatever the expiry's fraction of a second.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class QrExpirySweepSqlTest extends PostgresTestSupport {

    @Inject
    IdGenerator ids;

    @Inject
    QrIntentStore store;

    @Inject
    QrExpiryPort sweep;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @Test
    void expiresDueQrsWithTheDomainsEventWhateverTheFraction() {
        Instant base = Instant.parse("2001-02-03T04:05:06Z"); // before anything another test leaves due
        List<Instant> expiries = List.of(base, base.plusMillis(120), base.plusNanos(123_456_000), base.plusNanos(5_000));
        List<QrIntent> qrs = expiries.stream().map(this::activeQr).toList();
        Instant now = base.plusSeconds(60);

        ExpiredBatch batch = sweep.expireDue(now, 10_000);

        for (QrIntent qr : qrs) {
            QrIntent expected = store.findById(qr.id()).orElseThrow();
            assertEquals(QrStatus.EXPIRED, expected.status());
            assertEquals(qr.version() + 1, expected.version());
            StateChange event = store.history(qr.id()).get(2);
            QrIntent domain = QrIntent.restore(qr.snapshot());
            domain.expire(now, "sweep");
            assertEquals(domain.pendingChanges().get(0), event, "event of the QR expiring at " + qr.expiry().at());
        }
        assertEquals(qrs.stream().map(QrIntent::id).collect(Collectors.toSet()),
                batch.items().stream().map(ExpiredBatch.Item::id).collect(Collectors.toSet()));
        assertEquals(Set.copyOf(expiries), batch.items().stream().map(ExpiredBatch.Item::expiredAt).collect(Collectors.toSet()));
    }

    private QrIntent activeQr(Instant expiresAt) {
        String id = ids.newId("qr");
        Instant created = expiresAt.minusSeconds(300);
        QrIntent qr = QrIntent.open(id, "acme", "REG-1", Money.parse("10"), QrUsage.SINGLE_USE, null, Provider.AOP, created);
        store.insert(qr);
        qr.activate(new ProviderQr(Provider.AOP, "REF-" + id, "upi://pay?pa=x@y&am=10", null, expiresAt), created,
                "provider");
        store.update(qr);
        return qr;
    }
}
