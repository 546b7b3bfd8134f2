package io.payorch.bootstrap.admin;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.port.in.CloseQrIntentUseCase;
import io.payorch.bootstrap.web.ApiProblems;
import io.payorch.bootstrap.web.QrCloseController;
import io.payorch.domain.Actor;
import io.payorch.bootstrap.web.QrView;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /admin/qr-codes/{id}/close}: operations close a QR (recorded with source {@code admin:<client id>}). */
@Controller("/admin/qr-codes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "basicAuth")
@ApiProblems.Admin
public class AdminQrCloseController {

    private final CloseQrIntentUseCase close;

    AdminQrCloseController(CloseQrIntentUseCase close) {
        this.close = close;
    }

    @Post(value = "/{id}/close", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeAdminQrCode", summary = "Close an ACTIVE QR as operations (event source admin:<id>)",
            description = "Closes the QR at its provider, then records it CLOSED. Takes no body.")
    @QrCloseController.CloseAnswers
    QrView close(String id, @Parameter(hidden = true) Authentication admin) {
        return QrView.of(close.close(id, Actor.admin(admin.getName())));
    }
}
