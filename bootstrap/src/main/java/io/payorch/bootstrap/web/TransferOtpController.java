package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.port.in.GetTransferOtpUseCase;
import io.payorch.application.ProviderFailure;
import io.payorch.application.port.in.SendTransferOtpCommand;
import io.payorch.application.port.in.SendTransferOtpUseCase;
import io.payorch.application.port.in.TransferOtpSending;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant transfer-OTP API. Blocking (JDBC, provider call), so it runs off the event loop.
 * Logs ids and outcomes only: the request's personal data never reaches a log.
 */
@Controller("/v1/transfer-otps")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "transfer-otps")
@SecurityRequirement(name = "basicAuth")
@ApiProblems.Merchant
public class TransferOtpController {

    private static final Logger LOG = LoggerFactory.getLogger(TransferOtpController.class);

    private final SendTransferOtpUseCase send;
    private final GetTransferOtpUseCase get;
    private final IdempotentExecution idempotency;

    TransferOtpController(SendTransferOtpUseCase send, GetTransferOtpUseCase get, IdempotentExecution idempotency) {
        this.send = send;
        this.get = get;
        this.idempotency = idempotency;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendTransferOtp", summary = "Ask AOPay DMT to send the remitter a transfer OTP",
            description = "Records the request, calls the provider and answers the OTP's state. The personal data "
                    + "(date of birth, address, coordinates) goes to the provider and is never stored or logged; the "
                    + "mobile is kept masked. Unknown fields, wrong JSON types and malformed JSON are 400 naming the field.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SendTransferOtpRequest.class)))
    @ApiResponse(responseCode = "201", description = "OTP_SENT, or REGISTRATION_OTP_SENT when the remitter is not "
            + "registered yet (also replayed for a repeated Idempotency-Key, with Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferOtpView.class)))
    @ApiProblems.JsonBody
    @ApiResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in flight "
            + "(code idempotency_key_in_flight, Retry-After)",
            content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The provider refused to send it (code provider_rejected, the OTP "
            + "FAILED, in resource), or the Idempotency-Key was used with another body (idempotency_key_reused)",
            content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiProblems.ProviderFailures
    HttpResponse<?> send(@Parameter(hidden = true) @Nullable @Body byte[] raw, @Parameter(hidden = true) Authentication client,
                         @Parameter(description = "Makes retries safe: up to 255 printable ASCII characters without "
                                 + "spaces, scoped to your client; replayed for 24 hours", example = "transfer-77-otp",
                                 schema = @Schema(type = "string", minLength = 1, maxLength = 255,
                                         pattern = QrCodeController.IDEMPOTENCY_KEY))
                         @Nullable @Header(IdempotentExecution.HEADER) String idempotencyKey) {
        SendTransferOtpRequest body = SendTransferOtpRequest.parse(raw);
        return idempotency.execute(client, "create-transfer-otp", idempotencyKey, body,
                () -> sendNow(client.getName(), body));
    }

    private HttpResponse<?> sendNow(String merchantId, SendTransferOtpRequest body) {
        TransferOtpSending sending = send.send(merchantId, toCommand(body));
        TransferOtpView view = TransferOtpView.of(sending.otp());
        LOG.info("transfer OTP {} for registration {}: {}", view.id(), view.registrationId(), view.status());
        if (sending.failure().isEmpty()) {
            return HttpResponse.created(view).header("Location", "/v1/transfer-otps/" + view.id());
        }
        ProviderFailure failure = sending.failure().get();
        Problem problem = switch (failure.kind()) {
            case AUTHENTICATION_FAILED -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_authentication_failed",
                    failure.provider() + " refused payorch's credentials; the OTP is FAILED and was not retried");
            case REJECTED -> Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "provider_rejected",
                    failure.provider() + " refused to send the OTP: " + failure.message());
            case TIMED_OUT -> Problem.of(HttpStatus.GATEWAY_TIMEOUT, "provider_timeout",
                    failure.provider() + " did not answer in time; the OTP is UNKNOWN (it may have been sent)");
            case UNKNOWN -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_unknown_outcome",
                    failure.provider() + " gave no usable answer; the OTP is UNKNOWN (it may have been sent)");
            case NOT_ATTEMPTED -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_unavailable",
                    failure.provider() + " could not be reached; the OTP is FAILED and nothing was sent");
        };
        LOG.warn("transfer OTP {} not sent: {} from {} (code {})", view.id(), failure.kind(), failure.provider(),
                failure.code());
        return problem.withProvider(Problem.ProviderError.of(failure))
                .withResource(view).toResponse();
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTransferOtp", summary = "Read one transfer OTP (the mobile masked)")
    @ApiResponse(responseCode = "200", description = "The transfer OTP",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferOtpView.class)))
    @ApiProblems.NotFound
    TransferOtpView get(String id, @Parameter(hidden = true) Authentication client) {
        return TransferOtpView.of(get.get(client.getName(), id));
    }

    private static SendTransferOtpCommand toCommand(SendTransferOtpRequest b) {
        if (b == null) {
            return new SendTransferOtpCommand(null, null, null, null, null, null, null, null, null, null);
        }
        return new SendTransferOtpCommand(b.registrationId(), b.remitterMobile(), b.beneficiaryId(), b.transferType(),
                b.amount(), b.pincode(), b.address(), b.dateOfBirth(), b.latitude(), b.longitude());
    }
}
