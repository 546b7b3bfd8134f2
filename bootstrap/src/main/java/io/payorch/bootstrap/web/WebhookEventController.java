package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.admin.Page;
import io.payorch.application.merchantwebhook.StoredEvent;
import io.payorch.application.port.in.ManageWebhookEndpointsUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.stream.Collectors;

/**
 * A merchant's events, answered with the exact bytes their deliveries send. Another merchant's
 * event is a 404.
 */
@Controller("/v1/events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events", description = "The events sent to a merchant's webhook endpoints")
@SecurityRequirement(name = "basicAuth")
@ApiProblems.Merchant
class WebhookEventController {

    private final ManageWebhookEndpointsUseCase events;

    WebhookEventController(ManageWebhookEndpointsUseCase events) {
        this.events = events;
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEvent", summary = "One event, exactly as delivered")
    @ApiResponse(responseCode = "200", description = "The event: {id, type, createdAt, sequence, data: {object, payment}}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiProblems.NotFound
    HttpResponse<String> get(String id, @Parameter(hidden = true) Authentication client) {
        return HttpResponse.ok(events.event(client.getName(), id).payload()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "{?type,createdFrom,limit,cursor}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEvents", summary = "This merchant's events, newest first, with keyset pages")
    @ApiResponse(responseCode = "200", description = "{items: [events as delivered], nextCursor}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiProblems.BadRequest
    HttpResponse<String> list(@Nullable @QueryValue String type, @Nullable @QueryValue String createdFrom,
                              @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor,
                              @Parameter(hidden = true) Authentication client) {
        Page<StoredEvent> page = events.events(client.getName(), type, createdFrom, limit, cursor);
        // the stored bodies are JSON already; the cursor is base64url (nothing to escape)
        String items = page.items().stream().map(StoredEvent::payload).collect(Collectors.joining(",", "[", "]"));
        String next = page.nextCursor() == null ? "null" : "\"" + page.nextCursor() + "\"";
        return HttpResponse.ok("{\"items\":" + items + ",\"nextCursor\":" + next + "}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
