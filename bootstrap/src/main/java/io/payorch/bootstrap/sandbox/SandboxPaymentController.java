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
    HttpResponse<?> pay(String id, @Body @Nullable byte[] raw) {
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
    record PaymentSent(String qrId, String provider, WebhookAnswer webhook) {
    }

    @Serdeable
    record WebhookAnswer(int status, @Nullable Object body) {
    }
}
