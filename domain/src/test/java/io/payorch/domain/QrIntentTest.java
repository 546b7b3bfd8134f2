package io.payorch.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrIntentTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final ProviderQr ISSUED = new ProviderQr(Provider.AOP, "AOP554V1", "upi://pay?pa=a@b&am=10",
            null, T0.plusSeconds(300));

    /** Drives a fresh intent into the given state through legal transitions only. */
    private static QrIntent in(QrStatus status, QrUsage usage) {
        QrIntent qr = QrIntent.open("qr_1", "acme", "AOP-554", Money.parse("10"), usage, null, Provider.AOP, T0);
        switch (status) {
            case PENDING -> { }
            case ACTIVE -> qr.activate(ISSUED, T0, "provider");
            case PAID -> { qr.activate(ISSUED, T0, "provider"); qr.recordPayment(Money.parse("10"), T0, "webhook"); }
            case EXPIRED -> { qr.activate(ISSUED, T0, "provider"); qr.expire(T0.plusSeconds(300), "sweep"); }
            case CLOSED -> { qr.activate(ISSUED, T0, "provider"); qr.close("on_demand", T0, "api"); }
            case FAILED -> qr.fail("rejected", T0, "provider");
            case UNKNOWN -> qr.markUnknown("timeout", T0, "provider");
        }
        return qr;
    }

    private static QrIntent in(QrStatus status) {
        return in(status, QrUsage.SINGLE_USE);
    }

    private static final List<Move> MOVES = List.of(
            new Move(QrStatus.ACTIVE, (qr, at) -> qr.activate(ISSUED, at, "test")),
            new Move(QrStatus.FAILED, (qr, at) -> qr.fail("x", at, "test")),
            new Move(QrStatus.UNKNOWN, (qr, at) -> qr.markUnknown("x", at, "test")),
            new Move(QrStatus.EXPIRED, (qr, at) -> qr.expire(at, "test")),
            new Move(QrStatus.CLOSED, (qr, at) -> qr.close("on_demand", at, "test")),
            new Move(QrStatus.PAID, (qr, at) -> qr.recordPayment(Money.parse("10"), at, "test")));

    private record Move(QrStatus target, BiConsumer<QrIntent, Instant> action) {
    }

    private static Set<QrStatus> legalFrom(QrStatus from) {
        return switch (from) {
            case PENDING -> EnumSet.of(QrStatus.ACTIVE, QrStatus.FAILED, QrStatus.UNKNOWN);
            case UNKNOWN -> EnumSet.of(QrStatus.ACTIVE, QrStatus.FAILED);
            case ACTIVE -> EnumSet.of(QrStatus.PAID, QrStatus.EXPIRED, QrStatus.CLOSED);
            default -> EnumSet.noneOf(QrStatus.class);
        };
    }

    @ParameterizedTest
    @EnumSource(QrStatus.class)
    void everyTransitionIsAllowedOrRefusedAsTheLifecycleSays(QrStatus from) {
        for (Move move : MOVES) {
            QrIntent qr = in(from);
            qr.markSaved(1);
            if (legalFrom(from).contains(move.target())) {
                move.action().accept(qr, T0.plusSeconds(400));
                assertEquals(move.target(), qr.status(), from + " -> " + move.target());
                StateChange change = qr.pendingChanges().get(0);
                assertEquals(from.name(), change.from());
                assertEquals(move.target().name(), change.to());
                assertEquals(T0.plusSeconds(400), change.at());
            } else {
                assertThrows(IllegalTransitionException.class, () -> move.action().accept(qr, T0), from + " -> " + move.target());
                assertEquals(from, qr.status());
                assertTrue(qr.pendingChanges().isEmpty(), "a refused transition records nothing");
            }
        }
    }

    @Test
    void openingRecordsTheCreationEvent() {
        QrIntent qr = in(QrStatus.PENDING);
        assertEquals(List.of(new StateChange(null, "PENDING", T0, "created", "merchant:acme")), qr.pendingChanges());
    }

    @Test
    void activationKeepsWhatTheProviderIssued() {
        QrIntent qr = in(QrStatus.ACTIVE);
        assertEquals("AOP554V1", qr.providerReference());
        assertEquals(ISSUED.upiIntent(), qr.upiIntent());
        assertEquals(T0.plusSeconds(300), qr.expiry().at());
        assertFalse(qr.isDueForExpiry(T0.plusSeconds(299)));
        assertTrue(qr.isDueForExpiry(T0.plusSeconds(300)));
    }

    @Test
    void aMultipleUseQrAccumulatesPaymentsAndStaysActive() {
        QrIntent qr = QrIntent.open("qr_2", "acme", "R", null, QrUsage.MULTIPLE_USE, null, Provider.RAZORPAY, T0);
        qr.activate(new ProviderQr(Provider.RAZORPAY, "qr_X", null, "https://rzp.io/i/x", null), T0, "provider");
        qr.recordPayment(Money.parse("10.10"), T0, "webhook");
        qr.recordPayment(Money.parse("20.20"), T0, "webhook");
        qr.recordPayment(Money.parse("0.70"), T0, "webhook");
        assertEquals(QrStatus.ACTIVE, qr.status());
        assertEquals(3, qr.paymentsCount());
        assertEquals(3100, qr.paymentsTotalPaise());
        assertFalse(qr.isDueForExpiry(T0.plusSeconds(1_000_000)), "no expiry, never due");
    }

    @Test
    void aSingleUseQrIsPaidByOnePayment() {
        QrIntent qr = in(QrStatus.PAID);
        assertEquals(1, qr.paymentsCount());
        assertEquals(1000, qr.paymentsTotalPaise());
        assertThrows(IllegalTransitionException.class, () -> qr.recordPayment(Money.parse("10"), T0, "webhook"));
    }

    @Test
    void closingKeepsTheReasonAndTime() {
        QrIntent qr = in(QrStatus.CLOSED);
        assertEquals("on_demand", qr.closeReason());
        assertEquals(T0, qr.closedAt());
    }

    @Test
    void aSingleUseQrNeedsAnAmount() {
        assertThrows(DomainException.class,
                () -> QrIntent.open("qr_3", "acme", "R", null, QrUsage.SINGLE_USE, null, Provider.AOP, T0));
    }

    @Test
    void restoreRecordsNothing() {
        QrIntent qr = QrIntent.restore(in(QrStatus.ACTIVE).snapshot());
        assertTrue(qr.pendingChanges().isEmpty());
        assertNull(qr.failureReason());
    }
}
