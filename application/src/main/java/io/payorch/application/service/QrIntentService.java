package io.payorch.application.service;

import io.payorch.application.FailedBeforeProviderCallException;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.QrSettings;
import io.payorch.application.port.in.CreateQrCommand;
import io.payorch.application.port.in.CreateQrIntentUseCase;
import io.payorch.application.port.in.GetQrIntentUseCase;
import io.payorch.application.port.in.QrCreation;
import io.payorch.application.ProviderFailure;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.ProviderAttempt;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Actor;
import io.payorch.domain.DomainException;
import io.payorch.domain.Money;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrUsage;
import io.payorch.domain.UpiIntent;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates QRs: records {@code PENDING}, calls providers with no transaction open, records what
 * they answered. With no provider named, tries the configured order, skipping providers that are
 * off or cannot take the request, and moves on only when a provider was not reached or did not
 * answer clearly; a rejection is final.
 */
public final class QrIntentService implements CreateQrIntentUseCase, GetQrIntentUseCase {

    private final QrIntentStore store;
    private final Map<Provider, QrProviderPort> providers;
    private final IdGenerator ids;
    private final Clock clock;
    private final QrSettings settings;

    public QrIntentService(QrIntentStore store, List<QrProviderPort> providers, IdGenerator ids, Clock clock,
                           QrSettings settings) {
        this.store = store;
        this.providers = new EnumMap<>(Provider.class);
        providers.forEach(p -> this.providers.put(p.provider(), p));
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public QrCreation create(String merchantId, CreateQrCommand command) {
        String qrId = ids.newId("qr");
        QrProviderRequest request = validated(qrId, command);
        List<QrProviderPort> candidates = candidates(command.provider(), request);

        QrIntent qr = QrIntent.open(qrId, merchantId, request.registrationId(), request.amount(), request.usage(),
                request.description(), candidates.get(0).provider(), clock.instant());
        try {
            store.insert(qr);
        } catch (RuntimeException e) {
            throw new FailedBeforeProviderCallException("recording QR " + qrId, e);
        }

        ProviderOutcome<ProviderQr> last = null;
        ProviderAttempt undecided = null;
        for (QrProviderPort port : candidates) {
            if (undecided != null) {
                store.recordAttempt(qrId, undecided);
            }
            qr.routeTo(port.provider());
            last = port.create(request);
            Instant at = clock.instant();
            ProviderAttempt attempt = new ProviderAttempt(port.provider(), last.label(), at,
                    last.describe(ProviderQr::describe));
            if (last instanceof ProviderOutcome.Accepted<ProviderQr> accepted) {
                return accept(qr, request, accepted.value(), attempt);
            }
            if (last instanceof ProviderOutcome.Rejected<ProviderQr> rejected) {
                qr.fail("rejected by " + port.provider() + ": " + rejected.message(), at, source(port.provider()));
                store.update(qr, attempt);
                return new QrCreation(qr, Optional.of(rejected.failure(port.provider().name())));
            }
            undecided = attempt;
        }
        return giveUp(qr, last, undecided);
    }

    private QrCreation accept(QrIntent qr, QrProviderRequest request, ProviderQr issued, ProviderAttempt attempt) {
        Instant at = attempt.at();
        Optional<String> defect = issued.upiIntent() == null ? Optional.empty() : defectOf(issued, request);
        if (defect.isPresent()) {
            qr.fail(defect.get(), at, source(issued.provider()));
            store.update(qr, attempt);
            return new QrCreation(qr, Optional.of(new ProviderFailure(ProviderFailure.Kind.REJECTED,
                    issued.provider().name(), "invalid_upi_intent", defect.get())));
        }
        qr.activate(issued, at, source(issued.provider()));
        store.update(qr, attempt);
        return new QrCreation(qr, Optional.empty());
    }

    private static Optional<String> defectOf(ProviderQr issued, QrProviderRequest request) {
        try {
            return UpiIntent.parse(issued.upiIntent()).defectFor(request.amount(), request.amount() != null);
        } catch (DomainException e) {
            return Optional.of("UPI intent " + e.getMessage());
        }
    }

    private QrCreation giveUp(QrIntent qr, ProviderOutcome<ProviderQr> last, ProviderAttempt lastAttempt) {
        Instant at = clock.instant();
        if (last instanceof ProviderOutcome.Unknown<ProviderQr> unknown) {
            qr.markUnknown(unknown.reason(), at, source(qr.provider()));
            store.update(qr, lastAttempt);
            return new QrCreation(qr, Optional.of(unknown.failure(qr.provider().name())));
        }
        String reason = last instanceof ProviderOutcome.NotAttempted<ProviderQr> n ? n.reason() : "no provider answered";
        qr.fail("not attempted: " + reason, at, source(qr.provider()));
        store.update(qr, lastAttempt);
        return new QrCreation(qr, Optional.of(new ProviderFailure(ProviderFailure.Kind.NOT_ATTEMPTED,
                qr.provider().name(), null, reason)));
    }

    @Override
    public QrIntent get(String merchantId, String id) {
        return store.findById(id).filter(qr -> qr.isOwnedBy(merchantId))
                .orElseThrow(() -> new NotFoundException("QR", id));
    }

    private static String source(Provider provider) {
        return Actor.provider(provider).source();
    }

    private List<QrProviderPort> candidates(String named, QrProviderRequest request) {
        if (named != null) {
            QrProviderPort port = providers.get(Provider.parse(named));
            if (port == null || !port.enabled()) {
                throw InvalidRequestException.of("provider", named + " is not enabled");
            }
            List<FieldError> problems = port.check(request);
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            return List.of(port);
        }
        List<QrProviderPort> eligible = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Provider p : settings.routingOrder()) {
            QrProviderPort port = providers.get(p);
            if (port == null || !port.enabled()) {
                continue;
            }
            List<FieldError> problems = port.check(request);
            if (problems.isEmpty()) {
                eligible.add(port);
            } else {
                skipped.add(p + " (" + problems.get(0).field() + " " + problems.get(0).message() + ")");
            }
        }
        if (eligible.isEmpty()) {
            throw InvalidRequestException.of("provider",
                    "no enabled provider can take this request" + (skipped.isEmpty() ? "" : ": " + String.join(", ", skipped)));
        }
        return eligible;
    }

    private QrProviderRequest validated(String qrId, CreateQrCommand c) {
        List<FieldError> errors = new ArrayList<>();
        String registrationId = c.registrationId();
        if (registrationId == null || registrationId.isBlank()) {
            errors.add(new FieldError("registrationId", "is required"));
        } else if (registrationId.length() > 64 || !registrationId.matches("[A-Za-z0-9._-]+")) {
            errors.add(new FieldError("registrationId", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        QrUsage usage = attempt(errors, () -> QrUsage.parse(c.usage()));
        Money amount = null;
        if (c.amount() != null || usage == QrUsage.SINGLE_USE) {
            amount = attempt(errors, () -> Money.parse(c.amount(), settings.maximumAmount()));
        }
        if (c.provider() != null) {
            attempt(errors, () -> Provider.parse(c.provider()));
        }
        Instant closeBy = null;
        if (c.closeBy() != null) {
            try {
                closeBy = Instant.parse(c.closeBy());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("closeBy", "must be an ISO-8601 instant such as 2026-01-31T10:15:30Z"));
            }
        }
        if (c.description() != null && c.description().length() > 255) {
            errors.add(new FieldError("description", "must be at most 255 characters"));
        }
        QrProviderRequest.Customer customer = c.customer() == null ? null
                : new QrProviderRequest.Customer(c.customer().name(), c.customer().mobile(), c.customer().email());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new QrProviderRequest(qrId, registrationId, amount, usage, customer, c.description(), closeBy, c.notes());
    }

    private static <T> T attempt(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
            return null;
        }
    }
}
