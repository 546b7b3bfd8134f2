package io.payorch.bootstrap.admin;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.port.in.CloseQrIntentUseCase;
import io.payorch.domain.Actor;
import io.payorch.bootstrap.web.QrView;

/** {@code POST /admin/qr-codes/{id}/close}: operations close a QR (recorded with source {@code admin:<client id>}). */
@Controller("/admin/qr-codes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminQrCloseController {

    private final CloseQrIntentUseCase close;

    AdminQrCloseController(CloseQrIntentUseCase close) {
        this.close = close;
    }

    @Post("/{id}/close")
    QrView close(String id, Authentication admin) {
        return QrView.of(close.close(id, Actor.admin(admin.getName())));
    }
}
