package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.admin.Page;
import io.payorch.application.merchantwebhook.CreatedEndpoint;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.EndpointChange;
import io.payorch.application.merchantwebhook.WebhookEndpoint;
import io.payorch.application.port.in.ManageWebhookEndpointsUseCase;
import io.payorch.bootstrap.web.WebhookViews.CreatedEndpointView;
import io.payorch.bootstrap.web.WebhookViews.DeliveryView;
import io.payorch.bootstrap.web.WebhookViews.EndpointView;
import io.payorch.bootstrap.web.WebhookViews.Items;
import io.payorch.bootstrap.web.WebhookViews.ReplayView;
import io.payorch.bootstrap.web.WebhookViews.SecretView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Set;

/**
 * A merchant's webhook endpoints (the merchant is the authenticated client): CRUD, secret
 * rotation, the delivery log, retry and replay. Another merchant's endpoint is a 404. Blocking
 * (JDBC, DNS), so it runs off the event loop.
 */
@Controller("/v1/webhook-endpoints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhook endpoints", description = "Where payorch sends a merchant's events (Standard Webhooks)")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "400", description = "Invalid fields, each named in errors[]",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such endpoint for this merchant",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiProblems.Merchant
class WebhookEndpointController {

    private static final Set<String> FIELDS = Set.of("url", "events", "description", "enabled");
    private static final int MAX_FILTERS = 20;

    private final ManageWebhookEndpointsUseCase endpoints;

    WebhookEndpointController(ManageWebhookEndpointsUseCase endpoints) {
        this.endpoints = endpoints;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookEndpoint",
            summary = "Create an endpoint; the answer holds its signing secret, shown this once")
    @ApiProblems.JsonBody
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CreatedEndpointView.class)))
    HttpResponse<CreatedEndpointView> create(@Parameter(hidden = true) @Nullable @Body byte[] raw,
                                             @Parameter(hidden = true) Authentication client) {
        CreatedEndpoint created = endpoints.create(client.getName(), change(raw));
        WebhookEndpoint e = created.endpoint();
        return HttpResponse.created(new CreatedEndpointView(e.id(), e.url(), e.events(), e.description(), e.enabled(),
                created.secret().reveal(), e.createdAt())).header("Location", "/v1/webhook-endpoints/" + e.id());
    }

    @Get("{?limit,cursor}")
    @Operation(operationId = "listWebhookEndpoints", summary = "This merchant's endpoints, newest first")
    Items<EndpointView> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor,
                             @Parameter(hidden = true) Authentication client) {
        Page<WebhookEndpoint> page = endpoints.list(client.getName(), limit, cursor);
        return new Items<>(page.items().stream().map(EndpointView::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "One endpoint")
    EndpointView get(String id, @Parameter(hidden = true) Authentication client) {
        return EndpointView.of(endpoints.get(client.getName(), id));
    }

    @Patch(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhookEndpoint",
            summary = "Change url, events, description or enabled (true re-enables a disabled endpoint)")
    @ApiProblems.JsonBody
    EndpointView update(String id, @Parameter(hidden = true) @Nullable @Body byte[] raw,
                        @Parameter(hidden = true) Authentication client) {
        return EndpointView.of(endpoints.update(client.getName(), id, change(raw)));
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete an endpoint with its delivery log")
    @ApiResponse(responseCode = "204", description = "Deleted")
    HttpResponse<Void> delete(String id, @Parameter(hidden = true) Authentication client) {
        endpoints.delete(client.getName(), id);
        return HttpResponse.noContent();
    }

    @Post("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookEndpointSecret",
            summary = "A new signing secret; the old one keeps signing beside it for the overlap (24 h by default)")
    SecretView rotate(String id, @Parameter(hidden = true) Authentication client) {
        return new SecretView(endpoints.rotateSecret(client.getName(), id).reveal());
    }

    @Get("/{id}/deliveries{?status,limit,cursor}")
    @Operation(operationId = "listWebhookEndpointDeliveries", summary = "The endpoint's delivery log, newest first")
    Items<DeliveryView> deliveries(String id, @Nullable @QueryValue String status, @Nullable @QueryValue String limit,
                                   @Nullable @QueryValue String cursor, @Parameter(hidden = true) Authentication client) {
        Page<DeliverySummary> page = endpoints.deliveries(client.getName(), id, status, limit, cursor);
        return new Items<>(page.items().stream().map(DeliveryView::of).toList(), page.nextCursor());
    }

    @Post("/{id}/deliveries/{eventId}/retry")
    @Operation(operationId = "retryWebhookDelivery",
            summary = "Send one event to this endpoint again now (also a failed or delivered one)")
    @ApiResponse(responseCode = "202", description = "Due now")
    HttpResponse<Void> retry(String id, String eventId, @Parameter(hidden = true) Authentication client) {
        endpoints.retry(client.getName(), id, eventId);
        return HttpResponse.accepted();
    }

    @Post(value = "/{id}/replay", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayWebhookEvents",
            summary = "Enqueue again every event of the endpoint's types since a time (after a receiver's outage)")
    @ApiProblems.JsonBody
    @ApiResponse(responseCode = "202", description = "How many deliveries were enqueued",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    HttpResponse<ReplayView> replay(String id, @Parameter(hidden = true) @Nullable @Body byte[] raw,
                                    @Parameter(hidden = true) Authentication client) {
        StrictJson.Fields fields = StrictJson.object(raw).only(Set.of("since"));
        String since = fields.string("since");
        fields.done();
        return HttpResponse.accepted().body(new ReplayView(endpoints.replay(client.getName(), id, since)));
    }

    private static EndpointChange change(byte[] raw) {
        StrictJson.Fields fields = StrictJson.object(raw).only(FIELDS);
        EndpointChange change = new EndpointChange(fields.string("url"), fields.stringList("events", MAX_FILTERS),
                fields.string("description"), fields.bool("enabled"));
        fields.done();
        return change;
    }
}
