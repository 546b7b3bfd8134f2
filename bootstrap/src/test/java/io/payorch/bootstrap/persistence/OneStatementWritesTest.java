package io.payorch.bootstrap.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.TransactionRunner;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;
import io.payorch.domain.TransferOtp;
import io.payorch.domain.TransferType;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stores write a row, its events and the deciding attempt as one statement: all of it or
 * nothing, a stale version writes nothing at all, and inside a caller's transaction the write
 * joins it (a rollback takes it back).
 */
@MicronautTest(environments = "sandbox", transactional = false)
class OneStatementWritesTest extends PostgresTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");

    @Inject
    IdGenerator ids;

    @Inject
    QrIntentStore qrs;

    @Inject
    TransferOtpStore otps;

    @Inject
    TransactionRunner transactions;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @Test
    void insertThenDecidingUpdateWritesRowEventsAndAttemptWithTheirValues() {
        QrIntent qr = newQr();
        qrs.insert(qr);
        assertEquals(0, qr.version());
        assertEquals(1, Sql.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'PENDING'"
                + " AND from_status IS NULL AND at = ?", qr.id(), java.sql.Timestamp.from(NOW)));

        Instant at = NOW.plusSeconds(1);
        qr.activate(new ProviderQr(Provider.AOP, "AOPREF1", "upi://pay?pa=x@y&am=10.5", null, at.plusSeconds(300)),
                at, "provider");
        qrs.update(qr, new ProviderAttempt(Provider.AOP, "accepted", at, "reference AOPREF1"));

        assertEquals(1, qr.version());
        QrIntent read = qrs.findById(qr.id()).orElseThrow();
        assertEquals(QrStatus.ACTIVE, read.status());
        assertEquals(1, read.version());
        assertEquals("AOPREF1", read.snapshot().providerReference());
        assertEquals(at.plusSeconds(300), read.snapshot().expiresAt());
        assertEquals(Money.parse("10.50"), read.amount());
        assertEquals(2, qrs.history(qr.id()).size());
        assertEquals("PENDING", qrs.history(qr.id()).get(1).from());
        assertEquals(1, qrs.attempts(qr.id()).size());
        assertEquals("reference AOPREF1", qrs.attempts(qr.id()).get(0).detail());
    }

    @Test
    void aStaleVersionWritesNothingAtAll() {
        QrIntent qr = newQr();
        qrs.insert(qr);
        QrIntent stale = qrs.findById(qr.id()).orElseThrow();

        qr.fail("rejected by AOP: no", NOW.plusSeconds(1), "provider");
        qrs.update(qr, new ProviderAttempt(Provider.AOP, "rejected", NOW.plusSeconds(1), "E1: no"));

        stale.markUnknown("no answer", NOW.plusSeconds(2), "provider");
        assertThrows(ConcurrentUpdateException.class,
                () -> qrs.update(stale, new ProviderAttempt(Provider.AOP, "timeout", NOW.plusSeconds(2), "late")));

        assertEquals(QrStatus.FAILED, qrs.findById(qr.id()).orElseThrow().status());
        assertEquals(2, qrs.history(qr.id()).size());
        assertEquals(1, qrs.attempts(qr.id()).size());
    }

    @Test
    void insideACallersTransactionTheWriteJoinsIt() {
        QrIntent qr = newQr();
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            qrs.insert(qr);
            qrs.recordAttempt(qr.id(), new ProviderAttempt(Provider.AOP, "timeout", NOW, "no answer"));
            throw new IllegalStateException("the caller fails after the writes");
        }));
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE id = ?", qr.id()));
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ?", qr.id()));
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_provider_attempt WHERE qr_id = ?", qr.id()));
    }

    @Test
    void transferOtpWritesAndStaleVersion() {
        String id = ids.newId("otp");
        TransferOtp otp = TransferOtp.open(id, "acme", "REG-1", "98XXXXXX10", "a".repeat(64), "60600077", TransferType.IMPS,
                Money.parse("100"), NOW);
        otps.insert(otp);
        TransferOtp stale = otps.findById(id).orElseThrow();

        otp.otpSent("OTP sent", NOW.plusSeconds(1), "provider");
        otps.update(otp);
        assertEquals(1, otp.version());
        assertEquals(NOW.plusSeconds(91), otps.findById(id).orElseThrow().snapshot().expiresAt());

        stale.fail("late failure", NOW.plusSeconds(2), "provider");
        assertThrows(ConcurrentUpdateException.class, () -> otps.update(stale));
        assertEquals(2, otps.history(id).size());
    }

    @Test
    void anAuditRowNeedsItsParentAndAParentIsNeverDeleted() {
        String missing = ids.newId("qr");
        assertThrows(IllegalStateException.class,
                () -> qrs.recordAttempt(missing, new ProviderAttempt(Provider.AOP, "timeout", NOW, "no answer")));
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_provider_attempt WHERE qr_id = ?", missing));

        QrIntent qr = newQr();
        qrs.insert(qr);
        qrs.recordAttempt(qr.id(), new ProviderAttempt(Provider.AOP, "timeout", NOW, "no answer"));
        assertEquals(1, qrs.attempts(qr.id()).size());

        for (String sql : new String[] {"DELETE FROM qr_intent WHERE id = ?", "UPDATE qr_intent SET id = id || 'x' WHERE id = ?"}) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> Sql.update(sql, qr.id()));
            assertTrue(String.valueOf(refused.getCause()).contains("keep their audit history"), refused::toString);
        }
        assertThrows(RuntimeException.class, () -> Sql.update("DELETE FROM transfer_otp"));
        assertThrows(RuntimeException.class, () -> Sql.update("TRUNCATE qr_intent CASCADE"));
        assertEquals(1, Sql.count("SELECT count(*) FROM qr_intent WHERE id = ?", qr.id()));
        assertEquals(1, qrs.history(qr.id()).size());
    }

    private QrIntent newQr() {
        String id = ids.newId("qr");
        return QrIntent.open(id, "acme", "REG-1", Money.parse("10.50"), QrUsage.SINGLE_USE,
                "order 1", Provider.AOP, NOW.truncatedTo(ChronoUnit.MICROS));
    }
}
