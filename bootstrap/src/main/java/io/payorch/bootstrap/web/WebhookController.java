package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.application.FieldError;
import io.payorch.application.port.in.ReceiveNotificationUseCase;
import io.payorch.application.webhook.InboundNotification;
import io.payorch.application.webhook.NotificationReceipt;
import io.payorch.domain.Provider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/**
 * Payment notifications. The body is taken as the raw bytes received, because the signature is
 * computed over exactly those bytes; it runs on the blocking executor (JDBC).
 */
@Controller("/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "webhooks")
@SecurityRequirements
@ApiProblems.Limits
@ApiProblems.CrossOrigin
@ApiResponse(responseCode = "200", description = "Received: what payorch did with it (a duplicate event id is applied "
        + "once and answered duplicate)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = WebhookController.Receipt.class)))
@ApiResponse(responseCode = "400", description = "The notification could not be read (code malformed_notification; "
        + "the field in errors[] when one is to blame); nothing changed",
        content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "401", description = "The signature is missing or does not match the raw body "
        + "(code invalid_signature); nothing changed",
        content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "413", description = "Body larger than 64 KiB (code payload_too_large)",
        content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class WebhookController {

    private final ReceiveNotificationUseCase notifications;

    WebhookController(ReceiveNotificationUseCase notifications) {
        this.notifications = notifications;
    }

    @Post(value = "/razorpay", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveRazorpayWebhook", summary = "Razorpay's qr_code.credited and qr_code.closed events",
            description = "Signed by Razorpay: X-Razorpay-Signature is the hex HMAC-SHA256 of the raw body under the "
                    + "webhook secret. The signature is checked over the exact bytes received, whatever their media type.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = "object", description = "Razorpay's webhook event envelope")))
    HttpResponse<?> razorpay(@Parameter(hidden = true) @Body @Nullable byte[] body,
                             @Parameter(description = "hex HMAC-SHA256 of the raw body; missing or wrong: 401")
                             @Header("X-Razorpay-Signature") @Nullable String signature,
                             @Parameter(description = "Razorpay's event id: a repeated id is applied once")
                             @Header("X-Razorpay-Event-Id") @Nullable String eventId) {
        return answer(notifications.receive(new InboundNotification(Provider.RAZORPAY, body, signature, eventId)));
    }

    /** AOPay, BOS and OQPay callbacks, signed by {@code X-Payorch-Signature} under that provider's secret. */
    @Post(value = "/{provider}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveProviderCallback", summary = "AOPay, BOS and OQPay payment callbacks",
            description = "Signed with X-Payorch-Signature: hex HMAC-SHA256 of the raw body under that provider's "
                    + "webhook secret. The payload mapping per provider is in the README.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = "object", description = "the provider's callback payload")))
    @ApiProblems.NotFound
    HttpResponse<?> callback(@Parameter(description = "the provider, in any case", schema = @Schema(type = "string",
                                     allowableValues = {"aop", "bos", "oqpay"})) String provider,
                             @Parameter(hidden = true) @Body @Nullable byte[] body,
                             @Parameter(description = "hex HMAC-SHA256 of the raw body; missing or wrong: 401")
                             @Header("X-Payorch-Signature") @Nullable String signature,
                             @Parameter(description = "the provider's event id: a repeated id is applied once")
                             @Header("X-Payorch-Event-Id") @Nullable String eventId) {
        Provider named = switch (provider.toLowerCase(Locale.ROOT)) {
            case "aop" -> Provider.AOP;
            case "bos" -> Provider.BOS;
            case "oqpay" -> Provider.OQPAY;
            default -> null;
        };
        if (named == null) {
            return Problem.of(HttpStatus.NOT_FOUND, "not_found", "No webhook for provider " + provider).toResponse();
        }
        return answer(notifications.receive(new InboundNotification(named, body, signature, eventId)));
    }

    private static HttpResponse<?> answer(NotificationReceipt receipt) {
        return switch (receipt.outcome()) {
            case UNAUTHORIZED -> Problem.of(HttpStatus.UNAUTHORIZED, "invalid_signature",
                    "The notification's signature is missing or does not match its body.").toResponse();
            case MALFORMED -> malformed(receipt);
            default -> HttpResponse.ok(new Receipt(receipt.outcome().label(), receipt.qrId()));
        };
    }

    private static HttpResponse<?> malformed(NotificationReceipt receipt) {
        Problem problem = Problem.of(HttpStatus.BAD_REQUEST, "malformed_notification",
                "The notification could not be read: " + receipt.detail());
        if (receipt.field() == null) {
            return problem.toResponse();
        }
        String message = receipt.detail().startsWith(receipt.field() + " ")
                ? receipt.detail().substring(receipt.field().length() + 1) : receipt.detail();
        return problem.withErrors(List.of(new FieldError(receipt.field(), message))).toResponse();
    }

    /** What payorch did with a notification (applied, duplicate, flagged, unmatched, ignored). */
    @Serdeable
    @Schema(name = "WebhookReceipt", description = "What payorch did with the notification", requiredProperties = "outcome")
    record Receipt(@Schema(allowableValues = {"applied", "duplicate", "flagged", "unmatched", "ignored"}) String outcome,
                   @Nullable @Schema(description = "the QR it concerned, when one matched") String qrId) {
    }
}
