package io.payorch.application.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.port.out.JsonObjectParser;
import io.payorch.application.port.out.NotificationStore.PaymentRecord;
import io.payorch.application.webhook.InboundNotification;
import io.payorch.application.webhook.NotificationReceipt;
import io.payorch.application.webhook.NotificationReceipt.Outcome;
import io.payorch.domain.Actor;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.payorch.domain.QrUsage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applying payment notifications, without a database: reading and signature, deduplication by event
 * and by payment, amount mismatches flagged, payments held while a QR's outcome is open and replayed
 * once it is ACTIVE, and the retry when another writer changed the QR first.
 */
class NotificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    private static final String SECRET = "aop-webhook-secret";
    private static final String RAZORPAY_SECRET = "razorpay-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonObjectParser PARSER = bytes -> {
        try {
            return Optional.of(JSON.readValue(bytes, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            return Optional.empty();
        }
    };

    private final InMemoryQrStore qrs = new InMemoryQrStore();
    private final InMemoryNotificationStore notifications = new InMemoryNotificationStore(qrs);
    private final InMemoryTransactions transactions = new InMemoryTransactions(qrs, notifications);
    private final LifecycleCounters counters = new LifecycleCounters();
    private final NotificationService service = new NotificationService(
            List.of(new FakeNotificationReader(Provider.AOP, SECRET),
                    new FakeNotificationReader(Provider.RAZORPAY, RAZORPAY_SECRET)), PARSER, transactions,
            notifications, qrs, Clock.fixed(NOW, ZoneOffset.UTC), counters);

    private QrIntent qr(String id, String amount, QrStatus status) {
        QrIntent qr = QrIntent.open(id, "acme", "REG-1", amount == null ? null : Money.parse(amount),
                amount == null ? QrUsage.MULTIPLE_USE : QrUsage.SINGLE_USE, null, Provider.AOP, NOW.minusSeconds(60));
        if (status == QrStatus.ACTIVE) {
            qr.activate(new ProviderQr(Provider.AOP, "REF-" + id, "upi://pay?pa=a@b&am=" + amount, null,
                    NOW.plusSeconds(300)), NOW.minusSeconds(59), "provider:AOP");
        } else if (status == QrStatus.UNKNOWN) {
            qr.markUnknown("no answer within the read timeout", NOW.minusSeconds(59), "provider:AOP");
        }
        qrs.insert(qr);
        return qr;
    }

    private static String callback(String eventId, String reference, String paymentId, String amount) {
        return "{\"eventId\": \"" + eventId + "\", \"reference\": \"" + reference + "\", \"paymentId\": \""
                + paymentId + "\", \"amount\": " + amount + "}";
    }

    private NotificationReceipt receive(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return service.receive(new InboundNotification(Provider.AOP, bytes, FakeNotificationReader.sign(SECRET, bytes), null));
    }

    private QrStatus statusOf(String qrId) {
        return qrs.findById(qrId).orElseThrow().status();
    }

    @Test
    void aSignedPaymentForAnActiveQrIsAppliedAndCounted() {
        qr("qr_1", "10.00", QrStatus.ACTIVE);

        NotificationReceipt receipt = receive(callback("EVT-1", "REF-qr_1", "PAY-1", "\"10.00\""));

        assertEquals(Outcome.APPLIED, receipt.outcome());
        assertEquals("qr_1", receipt.qrId());
        assertEquals(QrStatus.PAID, statusOf("qr_1"));
        assertEquals("applied", notifications.payments().get(0).status());
        assertEquals("applied", notifications.event(Provider.AOP, "EVT-1").orElseThrow().outcome());
        assertEquals("provider:AOP", qrs.history("qr_1").get(qrs.history("qr_1").size() - 1).source());
        assertEquals(1, counters.count(LifecycleCounters.NOTIFICATION, "AOP", "applied"));
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedBeforeAnythingIsRead() {
        qr("qr_1", "10.00", QrStatus.ACTIVE);
        byte[] body = callback("EVT-1", "REF-qr_1", "PAY-1", "\"10.00\"").getBytes(StandardCharsets.UTF_8);

        for (String signature : new String[] {null, FakeNotificationReader.sign("another-secret", body)}) {
            NotificationReceipt receipt = service.receive(new InboundNotification(Provider.AOP, body, signature, null));
            assertEquals(Outcome.UNAUTHORIZED, receipt.outcome());
        }
        NotificationReceipt noSecret = service.receive(new InboundNotification(Provider.BOS, body,
                FakeNotificationReader.sign(SECRET, body), null));
        assertEquals(Outcome.UNAUTHORIZED, noSecret.outcome(), "a provider without a secret accepts nothing");
        assertEquals(QrStatus.ACTIVE, statusOf("qr_1"));
        assertTrue(notifications.event(Provider.AOP, "EVT-1").isEmpty());
        assertEquals(0, transactions.started);
    }

    @Test
    void aBodyThatIsNoObjectOrLacksAFieldIsMalformedNamingTheField() {
        assertEquals(Outcome.MALFORMED, receive("[1, 2]").outcome());
        NotificationReceipt missing = receive("{\"eventId\": \"EVT-1\", \"reference\": \"REF-1\", \"amount\": \"10\"}");
        assertEquals(Outcome.MALFORMED, missing.outcome());
        assertEquals("paymentId", missing.field());
        assertEquals(0, transactions.started);
    }

    @Test
    void aFieldTheReaderRefusesIsMalformedNamingItAndChangesNothing() {
        qr("qr_1", "500.00", QrStatus.ACTIVE);
        List<String> amounts = List.of("\"500.001\"", "500.001", "\"500.009\"");
        for (String amount : amounts) {
            NotificationReceipt receipt = receive(callback("EVT-" + amounts.indexOf(amount), "REF-qr_1", "PAY-1", amount));
            assertEquals(Outcome.MALFORMED, receipt.outcome(), amount);
            assertEquals("amount", receipt.field(), amount);
        }
        assertEquals(QrStatus.ACTIVE, statusOf("qr_1"));
        assertTrue(notifications.payments().isEmpty());
        assertEquals(0, transactions.started, "no event was claimed: a corrected delivery is still applied");
    }

    @Test
    void theSameEventTwiceIsADuplicateAndAppliedOnce() {
        qr("qr_1", null, QrStatus.ACTIVE);
        String body = callback("EVT-1", "REF-qr_1", "PAY-1", "\"10.00\"");

        assertEquals(Outcome.APPLIED, receive(body).outcome());
        assertEquals(Outcome.DUPLICATE, receive(body).outcome());

        QrIntent multiple = qrs.findById("qr_1").orElseThrow();
        assertEquals(1, multiple.paymentsCount(), "a multiple-use QR would count a replay as a second payment");
        assertEquals(1, notifications.payments().size());
    }

    @Test
    void theSamePaymentUnderAnotherEventIdIsADuplicateAndAppliedOnce() {
        qr("qr_1", null, QrStatus.ACTIVE);
        assertEquals(Outcome.APPLIED, receive(callback("EVT-1", "REF-qr_1", "PAY-1", "\"10.00\"")).outcome());
        NotificationReceipt again = receive(callback("EVT-2", "REF-qr_1", "PAY-1", "\"10.00\""));
        assertEquals(Outcome.DUPLICATE, again.outcome());
        assertEquals(1, qrs.findById("qr_1").orElseThrow().paymentsCount());
        assertEquals(1000, qrs.findById("qr_1").orElseThrow().paymentsTotalPaise());
    }

    @Test
    void aPaymentOfAnotherAmountIsFlaggedAndTheQrStaysActive() {
        qr("qr_1", "500.00", QrStatus.ACTIVE);

        NotificationReceipt receipt = receive(callback("EVT-1", "REF-qr_1", "PAY-1", "\"500.01\""));

        assertEquals(Outcome.FLAGGED, receipt.outcome());
        assertEquals("amount_mismatch: QR asks 500.00, paid 500.01", receipt.detail());
        assertEquals(QrStatus.ACTIVE, statusOf("qr_1"));
        PaymentRecord kept = notifications.payments().get(0);
        assertEquals("flagged", kept.status());
        assertEquals(Money.parse("500.01"), kept.amount());
    }

    @Test
    void aPaymentForNoKnownQrIsRecordedUnmatched() {
        NotificationReceipt receipt = receive(callback("EVT-1", "REF-nobody", "PAY-1", "\"10.00\""));
        assertEquals(Outcome.UNMATCHED, receipt.outcome());
        assertEquals("unmatched", notifications.payments().get(0).status());
    }

    @Test
    void paymentsWhileTheQrIsPendingOrUnknownAreHeldThenAppliedOnceItIsActive() {
        for (QrStatus open : List.of(QrStatus.PENDING, QrStatus.UNKNOWN)) {
            String qrId = "qr_" + open;
            razorpayQr(qrId, "10.00", open);

            NotificationReceipt held = receiveRazorpay("evt_" + open, qrId, "pay_" + open, 1000);
            assertEquals(Outcome.FLAGGED, held.outcome());
            assertTrue(held.detail().startsWith("qr_" + open.name().toLowerCase()), held.detail());
            assertEquals(open, statusOf(qrId), "a held payment changes nothing yet");
            assertEquals(1, notifications.heldFor(qrId).size());

            activate(qrId);
            assertEquals(1, service.replayHeld(qrId));

            assertEquals(QrStatus.PAID, statusOf(qrId));
            assertTrue(notifications.heldFor(qrId).isEmpty());
            assertEquals(0, service.replayHeld(qrId), "a replayed payment is not applied twice");
        }
        assertTrue(notifications.payments().stream().allMatch(p -> p.status().equals("applied")));
    }

    @Test
    void aHeldPaymentOfAnotherAmountIsFlaggedAgainOnReplayWithTheReasonThatNowHolds() {
        razorpayQr("qr_1", "10.00", QrStatus.UNKNOWN);
        assertEquals(Outcome.FLAGGED, receiveRazorpay("evt_1", "qr_1", "pay_1", 1001).outcome());

        activate("qr_1");
        assertEquals(0, service.replayHeld("qr_1"));

        assertEquals("amount_mismatch: QR asks 10.00, paid 10.01", notifications.payments().get(0).flagReason());
        assertEquals(QrStatus.ACTIVE, statusOf("qr_1"));
        assertTrue(notifications.heldFor("qr_1").isEmpty(), "re-flagged, no longer held");
    }

    @Test
    void aPaymentRacingTheSweepIsRetriedAndThenFlaggedForTheExpiredQr() {
        qr("qr_1", "10.00", QrStatus.ACTIVE);
        qrs.beforeNextUpdate = () -> {
            QrIntent swept = qrs.findById("qr_1").orElseThrow();
            swept.expire(NOW, Actor.SWEEP.source());
            qrs.update(swept);
        };

        NotificationReceipt receipt = receive(callback("EVT-1", "REF-qr_1", "PAY-1", "\"10.00\""));

        assertEquals(Outcome.FLAGGED, receipt.outcome());
        assertTrue(receipt.detail().startsWith("qr_expired"), receipt.detail());
        assertEquals(QrStatus.EXPIRED, statusOf("qr_1"));
        assertEquals(2, transactions.started, "the losing transaction was rolled back and run again");
        assertEquals(1, notifications.payments().size(), "the rolled-back attempt left no payment behind");
        assertEquals("flagged", notifications.payments().get(0).status());
    }

    @Test
    void aConflictThatNeverClearsGivesUpAfterFiveAttemptsLeavingNothingBehind() {
        qr("qr_1", null, QrStatus.ACTIVE);
        InMemoryTransactions failing = new InMemoryTransactions(qrs, notifications) {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                return super.inTransaction(() -> {
                    work.get();
                    throw new ConcurrentUpdateException("QR", "qr_1");
                });
            }
        };
        NotificationService contended = new NotificationService(List.of(new FakeNotificationReader(Provider.AOP, SECRET)),
                PARSER, failing,
                notifications, qrs, Clock.fixed(NOW, ZoneOffset.UTC), counters);
        byte[] body = callback("EVT-1", "REF-qr_1", "PAY-1", "\"10.00\"").getBytes(StandardCharsets.UTF_8);

        assertThrows(ConcurrentUpdateException.class, () -> contended.receive(new InboundNotification(Provider.AOP,
                body, FakeNotificationReader.sign(SECRET, body), null)));

        assertEquals(5, failing.started);
        assertTrue(notifications.event(Provider.AOP, "EVT-1").isEmpty(), "the event can be delivered again");
        assertEquals(0, qrs.findById("qr_1").orElseThrow().paymentsCount());
    }

    /** A Razorpay QR whose outcome may still be open: its notifications carry payorch's QR id, so it is found. */
    private void razorpayQr(String id, String amount, QrStatus status) {
        QrIntent qr = QrIntent.open(id, "acme", "REG-1", Money.parse(amount), QrUsage.SINGLE_USE, null,
                Provider.RAZORPAY, NOW.minusSeconds(60));
        if (status == QrStatus.UNKNOWN) {
            qr.markUnknown("no answer within the read timeout", NOW.minusSeconds(59), "provider:RAZORPAY");
        }
        qrs.insert(qr);
    }

    private NotificationReceipt receiveRazorpay(String eventId, String qrId, String paymentId, long paise) {
        byte[] body = ("{\"qrId\": \"" + qrId + "\", \"reference\": \"qr_Rzp" + paymentId + "\", \"paymentId\": \""
                + paymentId + "\", \"amount\": \"" + Money.ofPaise(paise).toDecimalString() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return service.receive(new InboundNotification(Provider.RAZORPAY, body,
                FakeNotificationReader.sign(RAZORPAY_SECRET, body), eventId));
    }

    private void activate(String qrId) {
        QrIntent qr = qrs.findById(qrId).orElseThrow();
        qr.activate(new ProviderQr(qr.provider(), "REF-" + qrId, null, "https://rzp.io/i/x", NOW.plusSeconds(300)),
                NOW, Actor.RECONCILIATION.source());
        qrs.update(qr);
    }
}
