package io.payorch.bootstrap.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.WebhookEndpoint;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What the merchant webhook API answers; an endpoint's secret only in the create and rotate answers. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Serdeable
    @Schema(name = "WebhookEndpoint", description = "A merchant's webhook endpoint (never its secret)")
    public record EndpointView(@Schema(example = "we_01JD3Q7Z8XK2M4N6P8R0T2V4W6") String id, String url,
                               List<String> events, @Nullable String description, boolean enabled,
                               @Nullable @Schema(description = "merchant or failing; absent when enabled") String disabledReason,
                               Instant createdAt, Instant updatedAt) {
        public static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id(), e.url(), e.events(), e.description(), e.enabled(), e.disabledReason(),
                    e.createdAt(), e.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "CreatedWebhookEndpoint", description = "A new endpoint with its signing secret, shown this once")
    public record CreatedEndpointView(String id, String url, List<String> events, @Nullable String description,
                                      boolean enabled, @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
                                      Instant createdAt) {
    }

    @Serdeable
    public record SecretView(String secret) {
    }

    @Serdeable
    public record ReplayView(int enqueued) {
    }

    @Serdeable
    @Schema(name = "WebhookDelivery", description = "One event's delivery to one endpoint")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryView(String eventId, String type,
                               @Schema(allowableValues = {"pending", "delivered", "failed"}) String status, int attempts,
                               @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode,
                               @Nullable Instant nextAttemptAt) {
        public static DeliveryView of(DeliverySummary d) {
            return new DeliveryView(d.eventId(), d.type(), d.status(), d.attempts(), d.lastAttemptAt(),
                    d.lastStatusCode(), d.nextAttemptAt());
        }
    }

    @Serdeable
    @Schema(description = "One page, newest first; pass nextCursor back as cursor for the next page (null: last page)")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Items<T>(List<T> items, @Nullable String nextCursor) {
    }
}
