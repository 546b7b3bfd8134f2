package io.payorch.bootstrap.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.ProviderFailure;
import io.payorch.application.port.in.CreateQrCommand;
import io.payorch.application.port.in.CreateQrIntentUseCase;
import io.payorch.application.port.in.GetQrIntentUseCase;
import io.payorch.application.port.in.QrCreation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The merchant QR API. Blocking (JDBC, provider calls), so it runs off the event loop. */
@Controller("/v1/qr-codes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "qr-codes")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class QrCodeController {

    private final CreateQrIntentUseCase create;
    private final GetQrIntentUseCase get;
    private final IdempotentExecution idempotency;

    QrCodeController(CreateQrIntentUseCase create, GetQrIntentUseCase get, IdempotentExecution idempotency) {
        this.create = create;
        this.get = get;
        this.idempotency = idempotency;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a dynamic UPI QR",
            description = "Records the QR, asks the named provider (or routes across the configured order), and "
                    + "answers the QR. The QR is stored whatever the provider does. Unknown fields, wrong JSON types "
                    + "and malformed JSON are refused with 400 naming the field; nothing is stored then.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateQrRequest.class),
            examples = @ExampleObject(name = "single use", value = "{\"registrationId\":\"AOP-554\",\"amount\":\"10.50\","
                    + "\"provider\":\"AOP\",\"description\":\"Order 991\"}")))
    @ApiResponse(responseCode = "201", description = "The QR, ACTIVE with its UPI intent (also replayed for a repeated "
            + "Idempotency-Key, with Idempotent-Replayed: true)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QrView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields, malformed JSON, bad Idempotency-Key; nothing stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = "{\"type\":\"https://payorch.io/problems/validation_failed\","
                            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request has invalid fields.\","
                            + "\"code\":\"validation_failed\",\"errors\":[{\"field\":\"amount\","
                            + "\"message\":\"must have at most two decimals\"}]}")))
    @ApiResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight (Retry-After)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than 64 KiB", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The provider rejected it (code provider_rejected, the QR is FAILED, "
            + "in resource), or the Idempotency-Key was used with another body (idempotency_key_reused)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "502", description = "No usable provider answer: the QR is UNKNOWN (or FAILED when no "
            + "provider could be reached), in resource", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "504", description = "The provider did not answer in time: the QR is UNKNOWN until "
            + "reconciled", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> create(@Parameter(hidden = true) @Nullable @Body byte[] raw, @Parameter(hidden = true) Authentication client,
                           @Parameter(description = "Makes retries safe: up to 255 printable characters, scoped to "
                                   + "your client; replayed for 24 hours", example = "order-991-attempt")
                           @Nullable @Header(IdempotentExecution.HEADER) String idempotencyKey) {
        CreateQrRequest body = CreateQrRequest.parse(raw);
        return idempotency.execute(client, "create-qr", idempotencyKey, body, () -> createNow(client.getName(), body));
    }

    private HttpResponse<?> createNow(String merchantId, CreateQrRequest body) {
        QrCreation created = create.create(merchantId, toCommand(body));
        QrView view = QrView.of(created.qr());
        if (created.failure().isEmpty()) {
            return HttpResponse.created(view).header("Location", "/v1/qr-codes/" + view.id());
        }
        ProviderFailure failure = created.failure().get();
        Problem.ProviderError provider = Problem.ProviderError.of(failure);
        Problem problem = switch (failure.kind()) {
            case AUTHENTICATION_FAILED -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_authentication_failed",
                    failure.provider() + " refused payorch's credentials; the QR is FAILED");
            case REJECTED -> Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "provider_rejected",
                    failure.provider() + " refused the QR: " + failure.message());
            case TIMED_OUT -> Problem.of(HttpStatus.GATEWAY_TIMEOUT, "provider_timeout",
                    failure.provider() + " did not answer in time; the QR is UNKNOWN until reconciled");
            case UNKNOWN -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_unknown_outcome",
                    failure.provider() + " gave no usable answer; the QR is UNKNOWN until reconciled");
            case NOT_ATTEMPTED -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_unavailable",
                    "No provider could be reached; the QR is FAILED");
        };
        return problem.withProvider(provider).withResource(view).toResponse();
    }

    @Get("/{id}")
    @Operation(summary = "Read one QR")
    @ApiResponse(responseCode = "200", description = "The QR", content = @Content(schema = @Schema(implementation = QrView.class)))
    @ApiResponse(responseCode = "404", description = "No such QR of yours (another merchant's QR is answered the same)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    QrView get(String id, @Parameter(hidden = true) Authentication client) {
        return QrView.of(get.get(client.getName(), id));
    }

    private static CreateQrCommand toCommand(CreateQrRequest body) {
        if (body == null) {
            return new CreateQrCommand(null, null, null, null, null, null, null, null);
        }
        CreateQrCommand.Customer customer = body.customer() == null ? null
                : new CreateQrCommand.Customer(body.customer().name(), body.customer().mobile(), body.customer().email());
        return new CreateQrCommand(body.registrationId(), body.amount(), body.provider(), body.usage(), customer,
                body.description(), body.closeBy(), body.notes());
    }
}
