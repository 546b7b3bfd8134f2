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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant transfer-OTP API. Blocking (JDBC, provider call), so it runs off the event loop.
 * Logs ids and outcomes only: the request's personal data never reaches a log.
 */
@Controller("/v1/transfer-otps")
@ExecuteOn(TaskExecutors.BLOCKING)
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
    HttpResponse<?> send(@Nullable @Body byte[] raw, Authentication client,
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

    @Get("/{id}")
    TransferOtpView get(String id, Authentication client) {
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
