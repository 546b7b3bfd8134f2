package io.payorch.application.service;

import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.ProviderFailure;
import io.payorch.application.TransferOtpSettings;
import io.payorch.application.pii.MobileNumberProtection;
import io.payorch.application.port.in.SendTransferOtpCommand;
import io.payorch.application.port.in.TransferOtpSending;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.SentOtp;
import io.payorch.application.port.out.TransferOtpProviderPort;
import io.payorch.application.port.out.TransferOtpProviderRequest;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.domain.Money;
import io.payorch.domain.StateChange;
import io.payorch.domain.TransferOtp;
import io.payorch.domain.TransferOtpStatus;
import io.payorch.domain.TransferType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferOtpServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String KEY = "test-pii-hash-key-of-at-least-32-bytes";

    private final MemoryStore store = new MemoryStore();
    private final FakeProvider provider = new FakeProvider();
    private final TransferOtpService service = new TransferOtpService(store, provider, prefix -> prefix + "_1",
            Clock.fixed(NOW, ZoneOffset.UTC), new TransferOtpSettings(Money.ofRupees(1), Money.ofRupees(25_000), 18),
            new MobileNumberProtection(KEY));

    private static SendTransferOtpCommand valid() {
        return new SendTransferOtpCommand("AOP-554", "9876543210", "60600077", "IMPS", "100", "110045", "Delhi",
                "2000-08-20", "28.6090", "77.2362");
    }

    @Test
    void sendsTheValidatedRequestAndRecordsTheSentOtpWithItsExpiry() {
        provider.answer = new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.TRANSFER, "465185569"));

        TransferOtpSending sending = service.send("acme", valid());

        assertTrue(sending.failure().isEmpty());
        TransferOtp otp = store.byId.get("otp_1");
        assertEquals(TransferOtpStatus.OTP_SENT, otp.status());
        assertEquals("465185569", otp.providerState());
        assertEquals(NOW.plusSeconds(90), otp.expiry().at());
        assertEquals("98XXXXXX10", otp.remitterMobileMasked());
        assertEquals(new MobileNumberProtection(KEY).keyedHash("9876543210"), otp.remitterMobileHash());
        assertEquals(List.of("PENDING", "OTP_SENT"), store.events.get("otp_1").stream().map(StateChange::to).toList());
        assertEquals(TransferOtpStatus.PENDING, store.statusWhenCalled);

        TransferOtpProviderRequest sent = provider.requests.get(0);
        assertEquals("9876543210", sent.remitterMobile());
        assertEquals(LocalDate.of(2000, 8, 20), sent.dateOfBirth());
        assertEquals(new BigDecimal("28.6090"), sent.latitude());
        assertEquals(TransferType.IMPS, sent.transferType());
        assertEquals(Money.ofRupees(100), sent.amount());
        assertFalse(sent.toString().contains("9876543210"));
        assertFalse(sent.toString().contains("Delhi"));
        assertFalse(valid().toString().contains("2000-08-20"));
    }

    @Test
    void aRegistrationOtpIsRecordedWithTheProvidersState() {
        provider.answer = new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.REGISTRATION, "b3c1e519"));

        TransferOtpSending sending = service.send("acme", valid());

        assertTrue(sending.failure().isEmpty());
        assertEquals(TransferOtpStatus.REGISTRATION_OTP_SENT, sending.otp().status());
        assertEquals("b3c1e519", sending.otp().providerState());
        assertEquals(NOW.plusSeconds(90), sending.otp().expiry().at());
    }

    @Test
    void anAuthenticationFailureFailsTheOtpAndIsCalledOnce() {
        provider.answer = new ProviderOutcome.Rejected<>("11", "Authentication failed", ProviderOutcome.Reason.AUTHENTICATION_FAILED);

        TransferOtpSending sending = service.send("acme", valid());

        assertEquals(1, provider.requests.size());
        assertEquals(TransferOtpStatus.FAILED, store.byId.get("otp_1").status());
        ProviderFailure failure = sending.failure().orElseThrow();
        assertEquals(ProviderFailure.Kind.AUTHENTICATION_FAILED, failure.kind());
        assertEquals("11", failure.code());
        assertEquals("Authentication failed", failure.message());
        assertEquals("DMT", failure.provider());
    }

    @Test
    void aProviderMessageQuotingPersonalDataIsRedactedBeforeItIsKept() {
        provider.answer = new ProviderOutcome.Rejected<>("0", "Mobile 9876543210 of Delhi born 20/08/2000 refused", ProviderOutcome.Reason.INVALID_REQUEST);

        TransferOtpSending sending = service.send("acme", valid());

        assertEquals(ProviderFailure.Kind.REJECTED, sending.failure().orElseThrow().kind());
        String reason = store.byId.get("otp_1").failureReason();
        assertFalse(reason.contains("9876543210"), reason);
        assertFalse(reason.contains("Delhi"), reason);
        assertFalse(reason.contains("20/08/2000"), reason);
        assertFalse(sending.failure().get().message().contains("9876543210"));
    }

    @Test
    void aTimeoutLeavesAnUnknownOtpNeverLost() {
        provider.answer = new ProviderOutcome.Unknown<>("no answer within the read timeout", true);

        TransferOtpSending sending = service.send("acme", valid());

        assertEquals(TransferOtpStatus.UNKNOWN, store.byId.get("otp_1").status());
        assertEquals(ProviderFailure.Kind.TIMED_OUT, sending.failure().orElseThrow().kind());
        assertNull(sending.otp().expiry());
    }

    @Test
    void aDefectDuringTheCallLeavesAnUnknownOtpRatherThanAPendingOne() {
        provider.failure = new IllegalStateException("payorch.providers.dmt.base-url is not set");

        TransferOtpSending sending = service.send("acme", valid());

        assertEquals(TransferOtpStatus.UNKNOWN, store.byId.get("otp_1").status());
        assertEquals(ProviderFailure.Kind.UNKNOWN, sending.failure().orElseThrow().kind());
    }

    @Test
    void anUnreachableProviderFailsTheOtp() {
        provider.answer = new ProviderOutcome.NotAttempted<>("connection refused or not established");

        TransferOtpSending sending = service.send("acme", valid());

        assertEquals(TransferOtpStatus.FAILED, store.byId.get("otp_1").status());
        assertEquals(ProviderFailure.Kind.NOT_ATTEMPTED, sending.failure().orElseThrow().kind());
    }

    @Test
    void aDisabledProviderIsNeverCalled() {
        provider.enabled = false;

        TransferOtpSending sending = service.send("acme", valid());

        assertTrue(provider.requests.isEmpty());
        assertEquals(ProviderFailure.Kind.NOT_ATTEMPTED, sending.failure().orElseThrow().kind());
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsStoredOrSent() {
        SendTransferOtpCommand bad = new SendTransferOtpCommand(" ", "5876543210", "", "RTGS", "-5", "01234", "",
                "2000-02-30", "91", "-180.5");

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> service.send("acme", bad));

        assertEquals(Set.of("registrationId", "remitterMobile", "beneficiaryId", "transferType", "amount", "pincode",
                "address", "dateOfBirth", "latitude", "longitude"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertTrue(store.byId.isEmpty());
        assertTrue(provider.requests.isEmpty());
        assertFalse(e.getMessage().contains("5876543210"));
    }

    @ParameterizedTest(name = "{0}={1} refused")
    @CsvSource({
            "remitterMobile, 987654321", "remitterMobile, 98765432100", "remitterMobile, +919876543210",
            "remitterMobile, 1234567890", "remitterMobile, 98765x3210",
            "transferType, imps", "transferType, IMPS/NEFT",
            "amount, 0", "amount, 25000.01", "amount, 0.50", "amount, 10.555", "amount, 1e3",
            "pincode, 11004", "pincode, 1100450", "pincode, 11004A",
            "dateOfBirth, 20/08/2000", "dateOfBirth, 2001-02-29", "dateOfBirth, 2027-01-01",
            "dateOfBirth, 2008-11-22", "dateOfBirth, 1890-01-01",
            "latitude, 90.0001", "latitude, -91", "latitude, north", "latitude, 2.8e1",
            "longitude, 180.01", "longitude, -181", "registrationId, AOP 554"
    })
    void oneBadFieldIsNamed(String field, String value) {
        Map<String, String> fields = new HashMap<>(Map.of("registrationId", "AOP-554", "remitterMobile", "9876543210",
                "beneficiaryId", "60600077", "transferType", "NEFT", "amount", "100", "pincode", "110045",
                "address", "Delhi", "dateOfBirth", "2000-08-20", "latitude", "28.6090", "longitude", "77.2362"));
        fields.put(field, value);
        SendTransferOtpCommand command = new SendTransferOtpCommand(fields.get("registrationId"),
                fields.get("remitterMobile"), fields.get("beneficiaryId"), fields.get("transferType"),
                fields.get("amount"), fields.get("pincode"), fields.get("address"), fields.get("dateOfBirth"),
                fields.get("latitude"), fields.get("longitude"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> service.send("acme", command));

        assertEquals(List.of(field), e.errors().stream().map(FieldError::field).toList());
        assertTrue(store.byId.isEmpty());
    }

    @Test
    void anAdultOnTheirEighteenthBirthdayInIndiaIsAccepted() {
        // 2026-11-21T10:00Z is 15:30 on 21 November in India
        provider.answer = new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.TRANSFER, "1"));
        SendTransferOtpCommand c = valid();
        service.send("acme", new SendTransferOtpCommand(c.registrationId(), c.remitterMobile(), c.beneficiaryId(),
                c.transferType(), c.amount(), c.pincode(), c.address(), "2008-11-21", "-90", "180"));

        assertEquals(LocalDate.of(2008, 11, 21), provider.requests.get(0).dateOfBirth());
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.get("acme", "otp_missing"));
    }

    @Test
    void anotherMerchantsOtpIsNotFound() {
        provider.answer = new ProviderOutcome.Accepted<>(new SentOtp(SentOtp.Purpose.TRANSFER, "OTP sent"));
        String id = service.send("acme", valid()).otp().id();
        assertEquals(id, service.get("acme", id).id());
        assertThrows(NotFoundException.class, () -> service.get("globex", id));
    }

    private static final class FakeProvider implements TransferOtpProviderPort {
        ProviderOutcome<SentOtp> answer;
        boolean enabled = true;
        RuntimeException failure;
        final List<TransferOtpProviderRequest> requests = new ArrayList<>();

        @Override
        public String name() {
            return "DMT";
        }

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public ProviderOutcome<SentOtp> sendOtp(TransferOtpProviderRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    private final class MemoryStore implements TransferOtpStore {
        final Map<String, TransferOtp> byId = new HashMap<>();
        final Map<String, List<StateChange>> events = new HashMap<>();
        TransferOtpStatus statusWhenCalled;

        @Override
        public void insert(TransferOtp otp) {
            byId.put(otp.id(), otp);
            events.put(otp.id(), new ArrayList<>(otp.pendingChanges()));
            otp.markSaved(1);
            statusWhenCalled = otp.status();
        }

        @Override
        public void update(TransferOtp otp) {
            if (!byId.containsKey(otp.id())) {
                throw new ConcurrentUpdateException("transfer OTP", otp.id());
            }
            events.get(otp.id()).addAll(otp.pendingChanges());
            otp.markSaved(otp.version() + 1);
        }

        @Override
        public Optional<TransferOtp> findById(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<StateChange> history(String otpId) {
            return events.getOrDefault(otpId, List.of());
        }
    }
}
