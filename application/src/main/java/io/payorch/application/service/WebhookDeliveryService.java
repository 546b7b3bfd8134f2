package io.payorch.application.service;

import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.merchantwebhook.ClaimedDelivery;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliveryFilter;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.domain.EventTypes;
import io.payorch.application.merchantwebhook.SecretCipher;
import io.payorch.application.merchantwebhook.StandardWebhooks;
import io.payorch.application.merchantwebhook.TransportResult;
import io.payorch.application.merchantwebhook.WebhookBacklog;
import io.payorch.application.merchantwebhook.WebhookSecret;
import io.payorch.application.merchantwebhook.WebhookSettings;
import io.payorch.application.FieldError;
import io.payorch.application.NotFoundException;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.PageRequest;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.port.in.DeliverWebhooksUseCase;
import io.payorch.application.port.in.WebhookDeliveriesAdminUseCase;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.application.port.out.WebhookEndpointStore;
import io.payorch.application.port.out.WebhookTransport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers events: signs each claimed delivery (Standard Webhooks; both secrets while a rotation
 * overlaps), checks the URL again (DNS may have changed), sends it, and records the attempt with
 * the delivery's next state: delivered on a 2xx, else pending at the next jittered retry, or
 * failed after the last. Also the admin view of deliveries.
 */
public final class WebhookDeliveryService implements DeliverWebhooksUseCase, WebhookDeliveriesAdminUseCase {

    /** Observes outcomes (metrics); plain Java so the core stays framework-free. */
    public interface Observer {
        void attempted(AttemptRecord attempt, String newStatus);

        Observer NONE = (attempt, status) -> { };
    }

    private static final int RESOURCE_DELIVERIES = 100;

    private final WebhookDeliveryStore store;
    private final WebhookEndpointStore endpoints;
    private final WebhookTransport transport;
    private final SecretCipher cipher;
    private final EndpointUrlPolicy urls;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Observer observer;

    public WebhookDeliveryService(WebhookDeliveryStore store, WebhookEndpointStore endpoints, WebhookTransport transport, SecretCipher cipher,
                                  EndpointUrlPolicy urls, WebhookSettings settings, Clock clock, Observer observer) {
        this.store = store;
        this.endpoints = endpoints;
        this.transport = transport;
        this.cipher = cipher;
        this.urls = urls;
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public List<ClaimedDelivery> claim(String instance, int limit, Map<String, Integer> inFlight) {
        Instant now = clock.instant();
        return store.claim(instance, now, now.plus(settings.lease()), limit, inFlight,
                settings.perEndpointConcurrency());
    }

    /**
     * Everything but the HTTP exchange runs on {@code recorder} (the URL's DNS check, decrypting the
     * secrets, signing, recording), never on the caller's thread; a delivery that cannot be sent (URL
     * refused, secret unreadable) is recorded as a failed attempt that sent nothing.
     */
    @Override
    public CompletableFuture<Boolean> attempt(String instance, ClaimedDelivery delivery, Executor recorder) {
        return CompletableFuture.supplyAsync(() -> prepare(delivery), recorder).thenCompose(prepared -> {
            if (prepared.refusal() != null) {
                return CompletableFuture.supplyAsync(() -> record(instance, delivery, prepared.refusal()), recorder);
            }
            return transport.post(prepared.uri(), prepared.headers(), prepared.body())
                    .thenApplyAsync(result -> record(instance, delivery, new AttemptRecord(prepared.started(),
                            result.durationMillis(), result.statusCode(), error(result), result.bodyExcerpt())), recorder);
        });
    }

    private record Prepared(Instant started, URI uri, Map<String, String> headers, byte[] body, AttemptRecord refusal) {
    }

    private Prepared prepare(ClaimedDelivery delivery) {
        Instant started = clock.instant();
        try {
            URI uri = URI.create(delivery.url());
            Optional<String> refused = urls.refusal(uri);
            if (refused.isPresent()) {
                return new Prepared(started, uri, null, null,
                        new AttemptRecord(started, 0, null, "not sent: the URL " + refused.get(), null));
            }
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            long timestamp = started.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(StandardWebhooks.ID, delivery.eventId());
            headers.put(StandardWebhooks.TIMESTAMP, Long.toString(timestamp));
            headers.put(StandardWebhooks.SIGNATURE,
                    StandardWebhooks.signatureHeader(secrets(delivery, started), delivery.eventId(), timestamp, body));
            return new Prepared(started, uri, headers, body, null);
        } catch (RuntimeException e) {
            return new Prepared(started, null, null, null,
                    new AttemptRecord(started, 0, null, "not sent: " + e.getMessage(), null));
        }
    }

    private List<WebhookSecret> secrets(ClaimedDelivery delivery, Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(delivery.sealedSecret(), delivery.endpointId()));
        if (delivery.sealedPreviousSecret() != null && delivery.previousSecretUntil() != null
                && now.isBefore(delivery.previousSecretUntil())) {
            secrets.add(cipher.decrypt(delivery.sealedPreviousSecret(), delivery.endpointId()));
        }
        return secrets;
    }

    private static String error(TransportResult result) {
        if (result.error() != null) {
            return result.error();
        }
        int code = result.statusCode();
        return code >= 200 && code < 300 ? null : "receiver answered HTTP " + code;
    }

    private boolean record(String instance, ClaimedDelivery delivery, AttemptRecord attempt) {
        int attempts = delivery.attemptsBefore() + 1;
        String status;
        Instant next = null;
        if (attempt.delivered()) {
            status = DeliverySummary.DELIVERED;
        } else {
            Optional<java.time.Duration> wait = settings.retries()
                    .after(attempts, () -> ThreadLocalRandom.current().nextDouble());
            status = wait.isPresent() ? DeliverySummary.PENDING : DeliverySummary.FAILED;
            next = wait.map(attempt.at()::plus).orElse(null);
        }
        boolean recorded = store.recordAttempt(delivery, instance, attempt, status, next,
                attempt.at().minus(settings.disableAfter()));
        if (recorded) {
            observer.attempted(attempt, status);
        }
        return recorded && attempt.delivered();
    }

    @Override
    public int release(String instance) {
        return store.release(instance);
    }

    @Override
    public int purge(int batch) {
        return store.purgeDelivered(clock.instant().minus(settings.retention()), batch);
    }

    @Override
    public int purgeOrphans() {
        return store.purgeOrphans();
    }

    @Override
    public WebhookBacklog backlog() {
        return new WebhookBacklog(store.pendingCount(), store.oldestPendingAge(clock.instant()), endpoints.disabledCount());
    }

    @Override
    public Page<DeliverySummary> search(String merchant, String endpointId, String status, String type,
                                        String createdFrom, String createdTo, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !DeliverySummary.STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", DeliverySummary.STATUSES)));
        }
        if (type != null && !EventTypes.ALL.contains(type)) {
            errors.add(new FieldError("type", "must be one of " + String.join(", ", EventTypes.ALL)));
        }
        SearchParameters.merchant(errors, merchant);
        if (endpointId != null && (endpointId.isEmpty() || endpointId.length() > 64)) {
            errors.add(new FieldError("endpointId", "must be 1 to 64 characters"));
        }
        Instant from = SearchParameters.instant(errors, "createdFrom", createdFrom);
        Instant to = SearchParameters.instant(errors, "createdTo", createdTo);
        PageRequest page = SearchParameters.page(errors, new SearchQuery(null, null, null, null, null, limit, cursor, null));
        if (page.after() != null) {
            deliveryId(page.after().id()).orElseThrow(() -> InvalidRequestException.of(PageCursor.FIELD,
                    "is not a cursor returned by this API"));
        }
        DeliveryFilter filter = new DeliveryFilter(merchant, endpointId, status, type, from, to);
        return SearchParameters.toPage(store.search(filter, page.after(), page.limit() + 1), page.limit(),
                d -> new PageCursor(d.createdAt(), Long.toString(d.id())));
    }

    @Override
    public DeliveryDetail detail(String id) {
        return deliveryId(id).flatMap(store::detail).orElseThrow(() -> new NotFoundException("webhook delivery", id));
    }

    @Override
    public List<DeliverySummary> ofResource(String resourceId) {
        if (resourceId == null || resourceId.isEmpty() || resourceId.length() > 40) {
            return List.of();
        }
        return store.forResource(resourceId, RESOURCE_DELIVERIES);
    }

    @Override
    public void resend(String id) {
        if (!deliveryId(id).map(d -> store.resend(d, clock.instant())).orElse(false)) {
            throw new NotFoundException("webhook delivery", id);
        }
    }

    private static Optional<Long> deliveryId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
