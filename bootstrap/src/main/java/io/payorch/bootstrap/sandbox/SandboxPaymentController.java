package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.port.in.BrowseQrIntentsUseCase;
import io.payorch.bootstrap.web.Problem;
import io.payorch.bootstrap.web.StrictJson;
import io.payorch.domain.Money;
import io.payorch.domain.QrIntent;
import io.payorch.bootstrap.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /sandbox/qr-codes/{id}/pay}: the payer pays a sandbox QR. The provider's simulator
 * sends its signed notification to payorch's webhook over HTTP, exactly as the provider would, and
 * the answer says what the webhook answered. Optional body {@code {"amount": "10.00"}}; the QR's
 * own amount by default. A QR that is no longer ACTIVE is still paid (a payer can scan a stale
 * QR): the webhook decides, and flags it.
 */
@Controller("/sandbox/qr-codes")
@Requires(env = "sandbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sandbox")
@SecurityRequirements
@ApiProblems.Limits
@ApiProblems.CrossOrigin
public class SandboxPaymentController {

    private static final Set<String> FIELDS = Set.of("amount");

    /** The simulated provider pays whichever QR it issued, whoever's it is: an operator's read. */
    private final BrowseQrIntentsUseCase qrs;
    private final SimulatedPayments payments;
    private final SandboxWebhookClient webhook;
    private final JsonMapper json;

    SandboxPaymentController(BrowseQrIntentsUseCase qrs, SimulatedPayments payments, SandboxWebhookClient webhook,
                             JsonMapper json) {
        this.qrs = qrs;
        this.payments = payments;
        this.webhook = webhook;
        this.json = json;
    }

    @Post(value = "/{id}/pay", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "paySandboxQrCode", summary = "Pay a sandbox QR: its provider's simulator sends the signed "
            + "payment notification to payorch's webhook",
            description = "Sandbox only. The QR's own amount unless amount is given; a QR that is no longer ACTIVE is still "
                    + "paid (the webhook flags it). Answers what payorch's webhook answered the simulator.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SandboxPayment.class)))
    @ApiResponse(responseCode = "200", description = "The notification was delivered; the webhook's answer is in webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentSent.class)))
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    @ApiResponse(responseCode = "409", description = "No provider issued this QR (not_payable), or the simulator did "
            + "not issue it (not_issued_by_simulator)",
            content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "502", description = "payorch's webhook could not be reached (webhook_unreachable)",
            content = @Content(mediaType = ApiProblems.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> pay(String id, @Parameter(hidden = true) @Body @Nullable byte[] raw) {
        String amountText = null;
        if (raw != null && raw.length > 0) {
            StrictJson.Fields fields = StrictJson.object(raw).only(FIELDS);
            amountText = fields.string("amount");
            fields.done();
        }
        Money requested = amountText == null ? null : Money.parse(amountText);
        QrIntent qr = qrs.detail(id).qr();
        Money amount = requested != null ? requested : qr.amount();
        if (amount == null) {
            throw InvalidRequestException.of("amount", "is required for an open-amount QR");
        }
        if (qr.provider() == null || qr.providerReference() == null) {
            return Problem.of(HttpStatus.CONFLICT, "not_payable", "QR " + id + " is " + qr.status()
                    + " and no provider issued it, so nobody can pay it").toResponse();
        }
        Optional<SimulatedPayments.Notification> notification = payments.payment(qr, amount);
        if (notification.isEmpty()) {
            return Problem.of(HttpStatus.CONFLICT, "not_issued_by_simulator", qr.provider() + "'s simulator did not "
                    + "issue " + qr.providerReference() + " (the provider's base URL points elsewhere, or the "
                    + "sandbox restarted since)").toResponse();
        }
        SandboxWebhookClient.Delivery delivery;
        try {
            delivery = webhook.send(notification.get());
        } catch (HttpClientException e) {
            return Problem.of(HttpStatus.BAD_GATEWAY, "webhook_unreachable", "The notification could not be "
                    + "delivered to " + webhook.target(notification.get().path()) + ": " + e.getMessage()).toResponse();
        }
        return HttpResponse.ok(new PaymentSent(qr.id(), qr.provider().name(),
                new WebhookAnswer(delivery.status(), body(delivery))));
    }

    /** The webhook's JSON answer as an object; any other body as text. */
    private Object body(SandboxWebhookClient.Delivery delivery) {
        if (delivery.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(delivery.body(), Argument.mapOf(String.class, Object.class));
        } catch (Exception e) {
            return new String(delivery.body(), StandardCharsets.UTF_8);
        }
    }

    /** The QR paid, its provider, and what payorch's webhook answered the provider's notification. */
    @Serdeable
    @Schema(name = "SandboxPaymentSent", description = "The QR paid, its provider, and what payorch's webhook answered",
            requiredProperties = {"qrId", "provider", "webhook"})
    record PaymentSent(String qrId, @Schema(allowableValues = {"AOP", "OQPAY", "BOS", "RAZORPAY"}) String provider,
                       WebhookAnswer webhook) {
    }

    @Serdeable
    @Schema(name = "SandboxWebhookAnswer", description = "payorch's webhook's status and JSON answer (a string when "
            + "it was not JSON)", requiredProperties = "status")
    record WebhookAnswer(int status, @Nullable @Schema(description = "a JSON object, or a string when it was not JSON; "
            + "absent when empty", oneOf = {Object.class, String.class}, implementation = Object.class,
            requiredMode = Schema.RequiredMode.NOT_REQUIRED) Object body) {
    }

    /** The optional body, for the document; read by {@link StrictJson}, unknown fields refused. */
    @Schema(name = "SandboxPayment", description = "Optional: the amount paid", additionalProperties =
            Schema.AdditionalPropertiesValue.FALSE)
    record SandboxPayment(@Schema(description = "decimal rupees; the QR's own amount when absent",
            pattern = "^[0-9]{1,13}(\\.[0-9]{1,2})?$", example = "10.00") String amount) {
    }
}
