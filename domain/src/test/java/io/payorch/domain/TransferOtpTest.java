package io.payorch.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferOtpTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant SENT = T0.plusMillis(850);

    /** The transitions DESIGN.md allows; every other pair must be refused. */
    private static final Map<TransferOtpStatus, Set<TransferOtpStatus>> LEGAL = Map.of(
            TransferOtpStatus.PENDING, EnumSet.of(TransferOtpStatus.OTP_SENT, TransferOtpStatus.REGISTRATION_OTP_SENT,
                    TransferOtpStatus.FAILED, TransferOtpStatus.UNKNOWN),
            TransferOtpStatus.OTP_SENT, EnumSet.of(TransferOtpStatus.EXPIRED),
            TransferOtpStatus.REGISTRATION_OTP_SENT, EnumSet.of(TransferOtpStatus.EXPIRED),
            TransferOtpStatus.UNKNOWN, EnumSet.of(TransferOtpStatus.FAILED),
            TransferOtpStatus.FAILED, EnumSet.noneOf(TransferOtpStatus.class),
            TransferOtpStatus.EXPIRED, EnumSet.noneOf(TransferOtpStatus.class));

    private static TransferOtp open() {
        return TransferOtp.open("otp_1", "acme", "AOP-554", "98XXXXXX10", "ab12", "60600077", TransferType.IMPS,
                Money.ofRupees(100), T0);
    }

    /** Brings a fresh OTP into {@code status} through legal moves only. */
    private static TransferOtp in(TransferOtpStatus status) {
        TransferOtp otp = open();
        switch (status) {
            case PENDING -> { }
            case OTP_SENT -> otp.otpSent("465185569", SENT, "provider");
            case REGISTRATION_OTP_SENT -> otp.registrationOtpSent("b3c1", SENT, "provider");
            case FAILED -> otp.fail("Authentication failed", SENT, "provider");
            case UNKNOWN -> otp.markUnknown("no answer within the read timeout", SENT, "provider");
            case EXPIRED -> {
                otp.otpSent("465185569", SENT, "provider");
                otp.expire(SENT.plusSeconds(90), "sweep");
            }
        }
        otp.markSaved(1);
        return otp;
    }

    private static BiConsumer<TransferOtp, Instant> move(TransferOtpStatus to) {
        return switch (to) {
            case OTP_SENT -> (otp, at) -> otp.otpSent("1", at, "provider");
            case REGISTRATION_OTP_SENT -> (otp, at) -> otp.registrationOtpSent("1", at, "provider");
            case FAILED -> (otp, at) -> otp.fail("refused", at, "provider");
            case UNKNOWN -> (otp, at) -> otp.markUnknown("timeout", at, "provider");
            case EXPIRED -> (otp, at) -> otp.expire(at, "sweep");
            case PENDING -> throw new IllegalArgumentException("nothing moves back to PENDING");
        };
    }

    static Stream<Arguments> legalMoves() {
        List<Arguments> all = new ArrayList<>();
        LEGAL.forEach((from, tos) -> tos.forEach(to -> all.add(Arguments.of(from, to))));
        return all.stream();
    }

    static Stream<Arguments> illegalMoves() {
        List<Arguments> all = new ArrayList<>();
        for (TransferOtpStatus from : TransferOtpStatus.values()) {
            for (TransferOtpStatus to : TransferOtpStatus.values()) {
                if (to != TransferOtpStatus.PENDING && !LEGAL.get(from).contains(to)) {
                    all.add(Arguments.of(from, to));
                }
            }
        }
        return all.stream();
    }

    @Test
    void aNewOtpIsPendingWithItsCreationEvent() {
        TransferOtp otp = open();

        assertEquals(TransferOtpStatus.PENDING, otp.status());
        assertNull(otp.sentAt());
        assertNull(otp.expiry());
        assertEquals(1, otp.pendingChanges().size());
        StateChange created = otp.pendingChanges().get(0);
        assertNull(created.from());
        assertEquals("PENDING", created.to());
        assertEquals(T0, created.at());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalMoves")
    void everyLegalMoveIsAppliedAndRecorded(TransferOtpStatus from, TransferOtpStatus to) {
        TransferOtp otp = in(from);
        Instant at = SENT.plusSeconds(95);

        move(to).accept(otp, at);

        assertEquals(to, otp.status());
        assertEquals(1, otp.pendingChanges().size());
        StateChange change = otp.pendingChanges().get(0);
        assertEquals(from.name(), change.from());
        assertEquals(to.name(), change.to());
        assertEquals(at, change.at());
    }

    @ParameterizedTest(name = "{0} -> {1} refused")
    @MethodSource("illegalMoves")
    void everyIllegalMoveIsRefusedAndChangesNothing(TransferOtpStatus from, TransferOtpStatus to) {
        TransferOtp otp = in(from);
        TransferOtp.Snapshot before = otp.snapshot();

        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> move(to).accept(otp, SENT.plusSeconds(200)));

        assertEquals(from.name(), e.from());
        assertEquals(to.name(), e.to());
        assertEquals(before, otp.snapshot());
        assertTrue(otp.pendingChanges().isEmpty());
    }

    @Test
    void theStatusTableMatchesTheDomainRules() {
        for (TransferOtpStatus from : TransferOtpStatus.values()) {
            for (TransferOtpStatus to : TransferOtpStatus.values()) {
                assertEquals(LEGAL.get(from).contains(to), from.canBecome(to), from + " -> " + to);
            }
        }
    }

    @Test
    void aSentOtpExpiresNinetySecondsAfterTheProviderConfirmedIt() {
        TransferOtp otp = open();
        otp.otpSent("465185569", SENT, "provider");

        assertEquals(SENT, otp.sentAt());
        assertEquals(SENT.plus(Duration.ofSeconds(90)), otp.expiry().at());
        assertEquals("465185569", otp.providerState());
        assertFalse(otp.isDueForExpiry(SENT.plusSeconds(90).minusNanos(1_000)));
        assertTrue(otp.isDueForExpiry(SENT.plusSeconds(90)));
        assertTrue(otp.isDueForExpiry(SENT.plusSeconds(3600)));
    }

    @Test
    void aRegistrationOtpRunsOnTheSameNinetySecondClock() {
        TransferOtp otp = open();
        otp.registrationOtpSent("b3c1e519-cf15-4145-8c26-c3d03e9d2f00", SENT, "provider");

        assertEquals(TransferOtpStatus.REGISTRATION_OTP_SENT, otp.status());
        assertEquals("b3c1e519-cf15-4145-8c26-c3d03e9d2f00", otp.providerState());
        assertEquals(SENT.plusSeconds(90), otp.expiry().at());
        assertFalse(otp.isDueForExpiry(SENT.plusSeconds(89)));
        assertTrue(otp.isDueForExpiry(SENT.plusSeconds(90)));
    }

    @ParameterizedTest
    @EnumSource(value = TransferOtpStatus.class, names = {"PENDING", "FAILED", "UNKNOWN", "EXPIRED"})
    void onlyASentOtpIsEverDueForExpiry(TransferOtpStatus status) {
        assertFalse(in(status).isDueForExpiry(SENT.plus(Duration.ofDays(1))));
    }

    @Test
    void failingKeepsTheReasonAndNoExpiry() {
        TransferOtp otp = open();
        otp.fail("rejected by DMT: 11 Authentication failed", SENT, "provider");

        assertEquals(TransferOtpStatus.FAILED, otp.status());
        assertEquals("rejected by DMT: 11 Authentication failed", otp.failureReason());
        assertNull(otp.sentAt());
        assertNull(otp.expiry());
        assertTrue(otp.status().isFinal());
    }

    @Test
    void anUnknownOutcomeIsNotFinalAndCanStillBeFailed() {
        TransferOtp otp = in(TransferOtpStatus.UNKNOWN);
        assertFalse(otp.status().isFinal());

        otp.fail("reconciled: never sent", SENT.plusSeconds(300), "reconciliation");

        assertEquals(TransferOtpStatus.FAILED, otp.status());
    }

    @Test
    void aSnapshotRestoresTheSameOtpWithNothingPending() {
        TransferOtp otp = in(TransferOtpStatus.OTP_SENT);

        TransferOtp restored = TransferOtp.restore(otp.snapshot());

        assertEquals(otp.snapshot(), restored.snapshot());
        assertTrue(restored.pendingChanges().isEmpty());
        assertEquals(SENT.plusSeconds(90), restored.expiry().at());
    }

    @Test
    void anUnmaskedMobileCannotBeHeld() {
        assertThrows(IllegalArgumentException.class, () -> TransferOtp.open("otp_1", "acme", "AOP-554", "9876543210", "ab12",
                "60600077", TransferType.IMPS, Money.ofRupees(100), T0));
    }

    @Test
    void theTransferTypeIsImpsOrNeftExactly() {
        assertEquals(TransferType.IMPS, TransferType.parse("IMPS"));
        assertEquals(TransferType.NEFT, TransferType.parse("NEFT"));
        assertEquals("transferType", assertThrows(DomainException.class, () -> TransferType.parse("RTGS")).field());
        assertThrows(DomainException.class, () -> TransferType.parse("IMPS/NEFT"));
        assertThrows(DomainException.class, () -> TransferType.parse(null));
    }
}
