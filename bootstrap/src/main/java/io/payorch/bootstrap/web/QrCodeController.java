package io.payorch.bootstrap.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.port.in.CreateQrCommand;
import io.payorch.application.port.in.CreateQrIntentUseCase;
import io.payorch.application.port.in.GetQrIntentUseCase;
import io.payorch.application.port.in.QrCreation;

/** The merchant QR API. Blocking (JDBC, provider calls), so it runs off the event loop. */
@Controller("/v1/qr-codes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class QrCodeController {

    private final CreateQrIntentUseCase create;
    private final GetQrIntentUseCase get;
    private final IdempotentExecution idempotency;

    QrCodeController(CreateQrIntentUseCase create, GetQrIntentUseCase get, IdempotentExecution idempotency) {
        this.create = create;
        this.get = get;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(@Body CreateQrRequest body, Authentication client,
                           @Nullable @Header(IdempotentExecution.HEADER) String idempotencyKey) {
        return idempotency.execute(client, "create-qr", idempotencyKey, body, () -> createNow(body));
    }

    private HttpResponse<?> createNow(CreateQrRequest body) {
        QrCreation created = create.create(toCommand(body));
        QrView view = QrView.of(created.qr());
        if (created.failure().isEmpty()) {
            return HttpResponse.created(view).header("Location", "/v1/qr-codes/" + view.id());
        }
        QrCreation.ProviderFailure failure = created.failure().get();
        Problem.ProviderError provider = new Problem.ProviderError(failure.provider().name(), failure.code(),
                failure.message());
        Problem problem = switch (failure.kind()) {
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
    QrView get(String id) {
        return QrView.of(get.get(id));
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
