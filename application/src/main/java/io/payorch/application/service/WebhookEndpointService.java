package io.payorch.application.service;

import io.payorch.application.merchantwebhook.CreatedEndpoint;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.EndpointChange;
import io.payorch.domain.EventTypes;
import io.payorch.application.merchantwebhook.SecretCipher;
import io.payorch.application.merchantwebhook.StoredEvent;
import io.payorch.application.merchantwebhook.WebhookEndpoint;
import io.payorch.application.merchantwebhook.WebhookSecret;
import io.payorch.application.merchantwebhook.WebhookSettings;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.PageRequest;
import io.payorch.application.port.in.ManageWebhookEndpointsUseCase;
import io.payorch.application.port.out.IdGenerator;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.application.port.out.WebhookEndpointStore;
import io.payorch.application.port.out.WebhookEventReadPort;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Merchants' endpoints, delivery logs, replay and events; every check collects all bad fields. */
public final class WebhookEndpointService implements ManageWebhookEndpointsUseCase {

    static final int MAX_FILTERS = 20;
    static final int MAX_DESCRIPTION = 500;
    private static final int MAX_ID = 64;

    private final WebhookEndpointStore endpoints;
    private final WebhookEventReadPort events;
    private final WebhookDeliveryStore deliveries;
    private final EndpointUrlPolicy urls;
    private final SecretCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;
    private final WebhookSettings settings;

    public WebhookEndpointService(WebhookEndpointStore endpoints, WebhookEventReadPort events,
                                  WebhookDeliveryStore deliveries, EndpointUrlPolicy urls, SecretCipher cipher,
                                  IdGenerator ids, Clock clock, WebhookSettings settings) {
        this.endpoints = endpoints;
        this.events = events;
        this.deliveries = deliveries;
        this.urls = urls;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public CreatedEndpoint create(String merchant, EndpointChange request) {
        List<FieldError> errors = new ArrayList<>();
        String url = url(errors, request.url(), true);
        List<String> filters = filters(errors, request.events() == null ? List.of(EventTypes.EVERY) : request.events());
        String description = description(errors, request.description());
        if (request.enabled() != null) {
            errors.add(new FieldError("enabled", "is set by PATCH; a new endpoint is enabled"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(ids.newId("we"), merchant, url, filters, description, true, null,
                now, now);
        WebhookSecret secret = WebhookSecret.generate();
        endpoints.insert(endpoint, cipher.encrypt(secret, endpoint.id()));
        return new CreatedEndpoint(endpoint, secret);
    }

    @Override
    public WebhookEndpoint ensure(String merchant, String url, WebhookSecret secret) {
        String checked = urls.check(url).toString();
        Optional<WebhookEndpoint> existing = endpoints.list(merchant, null, PageRequest.MAX_LIMIT).stream()
                .filter(e -> e.url().equals(checked)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(ids.newId("we"), merchant, checked, List.of(EventTypes.EVERY),
                "the sandbox's own receiver (POST/GET /sandbox/merchant-webhooks)", true, null, now, now);
        endpoints.insert(endpoint, cipher.encrypt(secret, endpoint.id()));
        return endpoint;
    }

    @Override
    public Page<WebhookEndpoint> list(String merchant, String limit, String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        return SearchParameters.toPage(endpoints.list(merchant, page.after(), page.limit() + 1), page.limit(),
                e -> new io.payorch.application.admin.PageCursor(e.createdAt(), e.id()));
    }

    @Override
    public WebhookEndpoint get(String merchant, String id) {
        return endpoints.find(merchant, checkedId(id)).orElseThrow(() -> new NotFoundException("webhook endpoint", id));
    }

    @Override
    public WebhookEndpoint update(String merchant, String id, EndpointChange change) {
        WebhookEndpoint current = get(merchant, id);
        List<FieldError> errors = new ArrayList<>();
        String url = change.url() == null ? current.url() : url(errors, change.url(), true);
        List<String> filters = change.events() == null ? current.events() : filters(errors, change.events());
        String description = change.description() == null ? current.description() : description(errors, change.description());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        String disabledReason = enabled ? null
                : change.enabled() == null ? current.disabledReason() : WebhookEndpoint.DISABLED_BY_MERCHANT;
        WebhookEndpoint updated = new WebhookEndpoint(current.id(), merchant, url, filters, description, enabled,
                disabledReason, current.createdAt(), clock.instant());
        if (!endpoints.update(updated)) {
            throw new NotFoundException("webhook endpoint", id);
        }
        return updated;
    }

    @Override
    public void delete(String merchant, String id) {
        if (!endpoints.delete(merchant, checkedId(id))) {
            throw new NotFoundException("webhook endpoint", id);
        }
    }

    @Override
    public WebhookSecret rotateSecret(String merchant, String id) {
        WebhookEndpoint endpoint = get(merchant, id);
        WebhookSecret secret = WebhookSecret.generate();
        Instant now = clock.instant();
        if (!endpoints.rotate(merchant, endpoint.id(), cipher.encrypt(secret, endpoint.id()),
                now.plus(settings.secretOverlap()), now)) {
            throw new NotFoundException("webhook endpoint", id);
        }
        return secret;
    }

    @Override
    public Page<DeliverySummary> deliveries(String merchant, String endpointId, String status, String limit,
                                            String cursor) {
        WebhookEndpoint endpoint = get(merchant, endpointId);
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !DeliverySummary.STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", DeliverySummary.STATUSES)));
        }
        PageRequest page = SearchParameters.page(errors, new io.payorch.application.admin.SearchQuery(null, null, null,
                null, null, limit, cursor, null));
        return SearchParameters.toPage(deliveries.listForEndpoint(endpoint.id(), status, page.after(), page.limit() + 1),
                page.limit(), d -> new io.payorch.application.admin.PageCursor(d.createdAt(), d.eventId()));
    }

    @Override
    public void retry(String merchant, String endpointId, String eventId) {
        WebhookEndpoint endpoint = get(merchant, endpointId);
        if (!deliveries.retryNow(endpoint.id(), checkedId(eventId), clock.instant())) {
            throw new NotFoundException("delivery of event", eventId);
        }
    }

    @Override
    public int replay(String merchant, String endpointId, String since) {
        WebhookEndpoint endpoint = get(merchant, endpointId);
        List<FieldError> errors = new ArrayList<>();
        Instant from = since == null ? null : SearchParameters.instant(errors, "since", since);
        if (since == null) {
            errors.add(new FieldError("since", "is required: an ISO-8601 instant"));
        }
        Instant now = clock.instant();
        if (from != null && from.isAfter(now)) {
            errors.add(new FieldError("since", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return deliveries.replay(endpoint.id(), from, now);
    }

    @Override
    public StoredEvent event(String merchant, String id) {
        return events.find(merchant, checkedId(id)).orElseThrow(() -> new NotFoundException("event", id));
    }

    @Override
    public Page<StoredEvent> events(String merchant, String type, String createdFrom, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        if (type != null && !EventTypes.ALL.contains(type)) {
            errors.add(new FieldError("type", "must be one of " + String.join(", ", EventTypes.ALL)));
        }
        Instant from = SearchParameters.instant(errors, "createdFrom", createdFrom);
        PageRequest page = SearchParameters.page(errors, new io.payorch.application.admin.SearchQuery(null, null, null,
                null, null, limit, cursor, null));
        return SearchParameters.toPage(events.list(merchant, type, from, page.after(), page.limit() + 1), page.limit(),
                e -> new io.payorch.application.admin.PageCursor(e.createdAt(), e.id()));
    }

    private String url(List<FieldError> errors, String url, boolean required) {
        if (url == null) {
            if (required) {
                errors.add(new FieldError("url", "is required"));
            }
            return null;
        }
        try {
            return urls.check(url).toString();
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static List<String> filters(List<FieldError> errors, List<String> requested) {
        if (requested.isEmpty() || requested.size() > MAX_FILTERS) {
            errors.add(new FieldError("events", "must list 1 to " + MAX_FILTERS + " event types"));
            return List.of();
        }
        LinkedHashSet<String> filters = new LinkedHashSet<>();
        for (String filter : requested) {
            if (filter == null || !EventTypes.isFilter(filter)) {
                errors.add(new FieldError("events", "holds an unknown event type; use " + String.join(", ", EventTypes.ALL)
                        + " or one of " + String.join(", ", EventTypes.WILDCARDS)));
                return List.of();
            }
            filters.add(filter);
        }
        return List.copyOf(filters);
    }

    private static String description(List<FieldError> errors, String description) {
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION
                    + " characters without control characters"));
            return null;
        }
        return description;
    }

    /** An id that cannot be one of ours is simply not found (never a 500 from an absurd id). */
    private static String checkedId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            throw new NotFoundException("resource", "(malformed id)");
        }
        return id;
    }
}
