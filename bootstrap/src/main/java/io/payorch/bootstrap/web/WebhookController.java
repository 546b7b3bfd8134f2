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

import java.util.List;
import java.util.Locale;

/**
 * Payment notifications. The body is taken as the raw bytes received, because the signature is
 * computed over exactly those bytes; it runs on the blocking executor (JDBC).
 */
@Controller("/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhookController {

    private final ReceiveNotificationUseCase notifications;

    WebhookController(ReceiveNotificationUseCase notifications) {
        this.notifications = notifications;
    }

    @Post(value = "/razorpay", consumes = MediaType.ALL)
    HttpResponse<?> razorpay(@Body @Nullable byte[] body,
                             @Header("X-Razorpay-Signature") @Nullable String signature,
                             @Header("X-Razorpay-Event-Id") @Nullable String eventId) {
        return answer(notifications.receive(new InboundNotification(Provider.RAZORPAY, body, signature, eventId)));
    }

    /** AOPay, BOS and OQPay callbacks, signed by {@code X-Payorch-Signature} under that provider's secret. */
    @Post(value = "/{provider}", consumes = MediaType.ALL)
    HttpResponse<?> callback(String provider, @Body @Nullable byte[] body,
                             @Header("X-Payorch-Signature") @Nullable String signature,
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
    record Receipt(String outcome, @Nullable String qrId) {
    }
}
