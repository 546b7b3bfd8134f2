package io.payorch.application.service;

import io.payorch.application.NotFoundException;
import io.payorch.application.TransferOtpSettings;
import io.payorch.application.pii.MobileNumberProtection;
import io.payorch.application.port.in.GetTransferOtpUseCase;
import io.payorch.application.port.in.SendTransferOtpCommand;
import io.payorch.application.port.in.SendTransferOtpUseCase;
import io.payorch.application.port.in.TransferOtpSending;
import io.payorch.application.port.in.TransferOtpSending.Kind;
import io.payorch.application.port.in.TransferOtpSending.ProviderFailure;
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
        store.insert(otp);

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
        if (outcome instanceof ProviderOutcome.Rejected<SentOtp> rejected) {
            String message = redact(rejected.message(), request);
            boolean authentication = rejected.reason() == ProviderOutcome.Reason.AUTHENTICATION_FAILED;
            String what = authentication ? "authentication failed at " : "rejected by ";
            otp.fail(what + provider.name() + ": " + rejected.code() + " " + message, at, source);
            return failure(authentication ? Kind.AUTHENTICATION_FAILED : Kind.REJECTED, rejected.code(), message);
        }
        if (outcome instanceof ProviderOutcome.NotAttempted<SentOtp> notAttempted) {
            otp.fail("not attempted: " + notAttempted.reason(), at, source);
            return failure(Kind.NOT_ATTEMPTED, null, notAttempted.reason());
        }
        ProviderOutcome.Unknown<SentOtp> unknown = (ProviderOutcome.Unknown<SentOtp>) outcome;
        otp.markUnknown(unknown.reason(), at, source);
        return failure(unknown.timedOut() ? Kind.TIMED_OUT : Kind.UNKNOWN, null, unknown.reason());
    }

    private Optional<ProviderFailure> failure(Kind kind, String code, String message) {
        return Optional.of(new ProviderFailure(kind, provider.name(), code, message));
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
