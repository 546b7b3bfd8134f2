package io.payorch.bootstrap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.NotFoundException;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.domain.EventTypes;
import io.payorch.application.port.in.ConsoleSessionsUseCase;
import io.payorch.application.port.in.WebhookDeliveriesAdminUseCase;
import io.payorch.bootstrap.console.ConsoleDeliveryViews.DeliveryRow;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.Map;

import static io.payorch.bootstrap.console.ConsoleQuery.blank;
import static io.payorch.bootstrap.console.ConsoleQuery.dayStart;
import static io.payorch.bootstrap.console.ConsoleQuery.enc;
import static io.payorch.bootstrap.console.ConsoleQuery.filters;

/**
 * Every merchant's webhook deliveries: search, detail with each attempt and the event's body, and
 * "Resend", over the same use case as {@code /admin/webhook-deliveries}. Blocking (JDBC), so off the
 * event loop.
 */
@Hidden
@Controller("/console/webhook-deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ConsoleDeliveriesController {

    private final WebhookDeliveriesAdminUseCase deliveries;
    private final ConsoleSessionsUseCase sessions;

    ConsoleDeliveriesController(WebhookDeliveriesAdminUseCase deliveries, ConsoleSessionsUseCase sessions) {
        this.deliveries = deliveries;
        this.sessions = sessions;
    }

    @Get("{?status,merchant,endpointId,type,createdFrom,createdTo,cursor}")
    HttpResponse<?> search(HttpRequest<?> request, @Nullable @QueryValue String status, @Nullable @QueryValue String merchant,
                           @Nullable @QueryValue String endpointId, @Nullable @QueryValue String type,
                           @Nullable @QueryValue String createdFrom, @Nullable @QueryValue String createdTo,
                           @Nullable @QueryValue String cursor) {
        Map<String, Object> model = ConsolePages.model(request, "deliveries");
        model.put("statuses", DeliverySummary.STATUSES);
        model.put("types", EventTypes.ALL);
        return ConsolePages.filteredPage("deliveries", model, filters("status", status, "merchant", merchant,
                        "endpointId", endpointId, "type", type, "createdFrom", createdFrom, "createdTo", createdTo),
                HttpStatus.OK, DeliveryRow::of,
                () -> deliveries.search(blank(merchant), blank(endpointId), blank(status), blank(type),
                        dayStart(createdFrom, false), dayStart(createdTo, true), null, blank(cursor)));
    }

    @Get("/{id}{?resent}")
    HttpResponse<?> detail(HttpRequest<?> request, String id, @Nullable @QueryValue String resent) {
        try {
            DeliveryDetail detail = deliveries.detail(id);
            Map<String, Object> model = ConsolePages.model(request, "deliveries");
            model.put("d", DeliveryRow.of(detail.delivery()));
            model.put("fields", ConsoleDeliveryViews.fields(detail));
            model.put("attempts", ConsoleDeliveryViews.attempts(detail));
            model.put("payload", detail.payload());
            model.put("resent", resent != null);
            return ConsolePages.render(HttpStatus.OK, "console/delivery", model);
        } catch (NotFoundException e) {
            return noSuchDelivery(request);
        }
    }

    @Post("/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resend(HttpRequest<?> request, String id, @Body Map<String, String> form) {
        return ConsolePages.submitted(sessions, request, form, user -> {
            try {
                deliveries.resend(id);
                return HttpResponse.seeOther(URI.create("/console/webhook-deliveries/" + enc(id) + "?resent"));
            } catch (NotFoundException e) {
                return noSuchDelivery(request);
            }
        });
    }

    private static HttpResponse<?> noSuchDelivery(HttpRequest<?> request) {
        return ConsolePages.error(request, HttpStatus.NOT_FOUND, "No such delivery", "There is no webhook delivery with this number.");
    }
}
