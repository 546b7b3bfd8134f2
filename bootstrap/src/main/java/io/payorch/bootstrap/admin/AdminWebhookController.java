package io.payorch.bootstrap.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.application.admin.Page;
import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.port.in.WebhookDeliveriesAdminUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.payorch.bootstrap.web.ApiProblems;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Every merchant's webhook deliveries for operations (role ADMIN): search, detail with attempts, resend. */
@Controller("/admin/webhook-deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "basicAuth")
@ApiProblems.Admin
class AdminWebhookController {

    private final WebhookDeliveriesAdminUseCase deliveries;

    AdminWebhookController(WebhookDeliveriesAdminUseCase deliveries) {
        this.deliveries = deliveries;
    }

    @Get("{?merchant,endpointId,status,type,createdFrom,createdTo,limit,cursor}")
    @Operation(operationId = "searchWebhookDeliveries",
            summary = "Search webhook deliveries, newest first, with keyset pagination")
    @ApiProblems.BadRequest
    DeliveryPage search(@Nullable @QueryValue String merchant, @Nullable @QueryValue String endpointId,
                                 @Nullable @QueryValue String status, @Nullable @QueryValue String type,
                                 @Nullable @QueryValue String createdFrom, @Nullable @QueryValue String createdTo,
                                 @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        Page<DeliverySummary> page = deliveries.search(merchant, endpointId, status, type, createdFrom, createdTo, limit,
                cursor);
        return new DeliveryPage(page.items().stream().map(DeliveryRow::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Operation(operationId = "getWebhookDelivery",
            summary = "One delivery with every attempt (time, duration, status code, error, body excerpt)")
    @ApiProblems.NotFound
    DeliveryDetailView detail(String id) {
        DeliveryDetail detail = deliveries.detail(id);
        return new DeliveryDetailView(DeliveryRow.of(detail.delivery()), detail.url(),
                detail.attempts().stream().map(AttemptView::of).toList());
    }

    @Post("/{id}/resend")
    @Operation(operationId = "resendWebhookDelivery", summary = "Make the delivery due now, whatever its state")
    @ApiResponse(responseCode = "202", description = "Due now; every instance's deliverer is woken")
    @ApiProblems.NotFound
    HttpResponse<Void> resend(String id) {
        deliveries.resend(id);
        return HttpResponse.accepted();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "WebhookDeliveryPage", description = "One page of deliveries, newest first; pass nextCursor back "
            + "as cursor for the next page")
    record DeliveryPage(List<DeliveryRow> items, @Nullable String nextCursor) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryRow(String id, String eventId, String endpointId, String merchant, String type, String status,
                       int attempts, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode,
                       @Nullable Instant nextAttemptAt, Instant createdAt) {
        static DeliveryRow of(DeliverySummary d) {
            return new DeliveryRow(Long.toString(d.id()), d.eventId(), d.endpointId(), d.merchant(), d.type(),
                    d.status(), d.attempts(), d.lastAttemptAt(), d.lastStatusCode(), d.nextAttemptAt(), d.createdAt());
        }
    }

    @Serdeable
    record DeliveryDetailView(DeliveryRow delivery, @Nullable String url, List<AttemptView> attempts) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptView(Instant at, long durationMillis, @Nullable Integer statusCode, @Nullable String error,
                       @Nullable String bodyExcerpt) {
        static AttemptView of(AttemptRecord a) {
            return new AttemptView(a.at(), a.durationMillis(), a.statusCode(), a.error(), a.bodyExcerpt());
        }
    }
}
