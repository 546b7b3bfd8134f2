package io.payorch.bootstrap.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.payorch.application.port.in.CloseQrIntentUseCase;
import io.payorch.domain.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code POST /v1/qr-codes/{id}/close}: the merchant closes an active QR. */
@Controller("/v1/qr-codes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "qr-codes")
@SecurityRequirement(name = "basicAuth")
@ApiProblems.Merchant
public class QrCloseController {

    private final CloseQrIntentUseCase close;

    QrCloseController(CloseQrIntentUseCase close) {
        this.close = close;
    }

    @Post(value = "/{id}/close", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeQrCode", summary = "Close an ACTIVE QR",
            description = "Closes the QR at its provider, then records it CLOSED. Takes no body.")
    @CloseAnswers
    QrView close(String id, @Parameter(hidden = true) Authentication client) {
        return QrView.of(close.close(id, Actor.merchant(client.getName())));
    }

    /** What closing a QR answers, for the merchant's and the admin's close alike. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The QR, now CLOSED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QrView.class)))
    @ApiProblems.NotFound
    @ApiResponse(responseCode = "409", description = "The QR is not ACTIVE (code illegal_state) or changed meanwhile "
            + "(concurrent_update: retry)",
            content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The provider refused to close it (code provider_rejected)",
            content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiProblems.ProviderFailures
    public @interface CloseAnswers {
    }
}
