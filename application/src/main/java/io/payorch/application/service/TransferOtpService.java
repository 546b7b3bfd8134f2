package io.payorch.application.service;

import io.payorch.application.FailedBeforeProviderCallException;
import io.payorch.application.NotFoundException;
import io.payorch.application.TransferOtpSettings;
import io.payorch.application.pii.MobileNumberProtection;
import io.payorch.application.port.in.GetTransferOtpUseCase;
import io.payorch.application.port.in.SendTransferOtpCommand;
import io.payorch.application.port.in.SendTransferOtpUseCase;
import io.payorch.application.port.in.TransferOtpSending;
import io.payorch.application.ProviderFailure;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.SentOtp;
import io.payorch.application.port.out.TransferOtpProviderPort;
import io.payorch.application.port.out.TransferOtpProviderRequest;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.domain.Actor;
import io.payorch.domain.TransferOtp;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Sends transfer OTPs: validates everything, records {@code PENDING} (mobile masked and hashed,
 * no other personal data), calls the provider once with no transaction open, records what it
 * answered. The remitter's personal data lives only in memory for the call.
 */
public final class TransferOtpService implements SendTransferOtpUseCase, GetTransferOtpUseCase {

    private final TransferOtpStore store;
    private final TransferOtpProviderPort provider;
    private final IdGenerator ids;
    private final Clock clock;
    private final MobileNumberProtection mobiles;
    private final TransferOtpCommandValidator validator;

    public TransferOtpService(TransferOtpStore store, TransferOtpProviderPort provider, IdGenerator ids, Clock clock,
                              TransferOtpSettings settings, MobileNumberProtection mobiles) {
        this.store = store;
        this.provider = provider;
        this.ids = ids;
        this.clock = clock;
        this.mobiles = mobiles;
        this.validator = new TransferOtpCommandValidator(settings, clock);
    }

    @Override
    public TransferOtpSending send(String merchantId, SendTransferOtpCommand command) {
        String otpId = ids.newId("otp");
        TransferOtpProviderRequest request = validator.validated(otpId, command);
        TransferOtp otp = TransferOtp.open(otpId, merchantId, request.registrationId(), mobiles.mask(request.remitterMobile()),
                mobiles.keyedHash(request.remitterMobile()), request.beneficiaryId(), request.transferType(),
                request.amount(), clock.instant());
        try {
            store.insert(otp);
        } catch (RuntimeException e) {
            throw new FailedBeforeProviderCallException("recording transfer OTP " + otpId, e);
        }

        ProviderOutcome<SentOtp> outcome = provider.enabled() ? call(request)
                : new ProviderOutcome.NotAttempted<>(provider.name() + " is disabled");
        Optional<ProviderFailure> failure = record(otp, outcome, request, clock.instant());
        store.update(otp);
        return new TransferOtpSending(otp, failure);
    }

    /** A defect on our side during the call may still have let the request out: its outcome is unknown. */
    private ProviderOutcome<SentOtp> call(TransferOtpProviderRequest request) {
        try {
            return provider.sendOtp(request);
        } catch (RuntimeException e) {
            return new ProviderOutcome.Unknown<>("unexpected error during the call: " + e.getClass().getSimpleName(),
                    false);
        }
    }

    private Optional<ProviderFailure> record(TransferOtp otp, ProviderOutcome<SentOtp> outcome,
                                             TransferOtpProviderRequest request, Instant at) {
        String source = Actor.provider(provider.name()).source();
        if (outcome instanceof ProviderOutcome.Accepted<SentOtp> accepted) {
            SentOtp sent = accepted.value();
            if (sent.purpose() == SentOtp.Purpose.REGISTRATION) {
                otp.registrationOtpSent(sent.providerState(), at, source);
            } else {
                otp.otpSent(sent.providerState(), at, source);
            }
            return Optional.empty();
        }
        ProviderFailure failure = outcome.failure(provider.name());
        switch (failure.kind()) {
            case REJECTED, AUTHENTICATION_FAILED -> {
                String message = redact(failure.message(), request);
                String what = failure.kind() == ProviderFailure.Kind.AUTHENTICATION_FAILED
                        ? "authentication failed at " : "rejected by ";
                otp.fail(what + provider.name() + ": " + failure.code() + " " + message, at, source);
                return Optional.of(new ProviderFailure(failure.kind(), failure.provider(), failure.code(), message));
            }
            case NOT_ATTEMPTED -> otp.fail("not attempted: " + failure.message(), at, source);
            case TIMED_OUT, UNKNOWN -> otp.markUnknown(failure.message(), at, source);
        }
        return Optional.of(failure);
    }

    /**
     * A provider's message is stored and shown to the merchant; should it ever quote the personal
     * data it was sent, that data is cut out first.
     */
    private static String redact(String message, TransferOtpProviderRequest request) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (String value : new String[] {request.remitterMobile(), request.address(),
                request.dateOfBirth().toString(), request.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                request.latitude().toPlainString(), request.longitude().toPlainString()}) {
            if (!value.isEmpty()) {
                text = text.replace(value, "[redacted]");
            }
        }
        return text;
    }

    @Override
    public TransferOtp get(String merchantId, String id) {
        return store.findById(id).filter(otp -> otp.isOwnedBy(merchantId))
                .orElseThrow(() -> new NotFoundException("transfer OTP", id));
    }
}
