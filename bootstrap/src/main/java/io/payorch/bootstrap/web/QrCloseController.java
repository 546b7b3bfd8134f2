package io.payorch.bootstrap.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.port.in.CloseQrIntentUseCase;
import io.payorch.domain.Actor;

/** {@code POST /v1/qr-codes/{id}/close}: the merchant closes an active QR. */
@Controller("/v1/qr-codes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class QrCloseController {

    private final CloseQrIntentUseCase close;

    QrCloseController(CloseQrIntentUseCase close) {
        this.close = close;
    }

    @Post("/{id}/close")
    QrView close(String id, Authentication client) {
        return QrView.of(close.close(id, Actor.merchant(client.getName())));
    }
}
