package io.payorch.bootstrap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.ProviderCallFailedException;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.QrIntentDetail;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.admin.TransferOtpDetail;
import io.payorch.application.console.JumpTarget;
import io.payorch.application.payments.PaymentNotWaitingException;
import io.payorch.application.payments.QrPayment;
import io.payorch.application.port.in.AdminStatsUseCase;
import io.payorch.application.port.in.BrowseQrIntentsUseCase;
import io.payorch.application.port.in.BrowseTransferOtpsUseCase;
import io.payorch.application.port.in.CloseQrIntentUseCase;
import io.payorch.application.port.in.ConsoleOverviewUseCase;
import io.payorch.application.port.in.ConsoleSessionsUseCase;
import io.payorch.application.port.in.ReviewPaymentsUseCase;
import io.payorch.application.port.in.WebhookDeliveriesAdminUseCase;
import io.payorch.bootstrap.console.ConsoleDeliveryViews.DeliveryRow;
import io.payorch.bootstrap.console.ConsoleViews.AttemptRow;
import io.payorch.bootstrap.console.ConsoleViews.EventRow;
import io.payorch.bootstrap.console.ConsoleViews.OtpRow;
import io.payorch.bootstrap.console.ConsoleViews.PaymentRow;
import io.payorch.bootstrap.console.ConsoleViews.QrRow;
import io.payorch.bootstrap.web.QrImageRenderer;
import io.payorch.domain.Actor;
import io.payorch.domain.DomainException;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.payorch.bootstrap.console.ConsoleQuery.blank;
import static io.payorch.bootstrap.console.ConsoleQuery.dayStart;
import static io.payorch.bootstrap.console.ConsoleQuery.enc;
import static io.payorch.bootstrap.console.ConsoleQuery.filters;

/**
 * The console's pages, each over the same use cases as the admin API. Blocking (JDBC), so off the
 * event loop. Every state-changing form must carry the session's anti-forgery token.
 */
@Hidden
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ConsoleController {

    private static final int IMAGE_SIZE = 240;

    private final ConsoleOverviewUseCase console;
    private final BrowseQrIntentsUseCase qrs;
    private final BrowseTransferOtpsUseCase otps;
    private final CloseQrIntentUseCase close;
    private final ReviewPaymentsUseCase payments;
    private final AdminStatsUseCase stats;
    private final ConsoleSessionsUseCase sessions;
    private final QrImageRenderer images;
    private final WebhookDeliveriesAdminUseCase deliveries;

    ConsoleController(ConsoleOverviewUseCase console, BrowseQrIntentsUseCase qrs, BrowseTransferOtpsUseCase otps,
                      CloseQrIntentUseCase close, ReviewPaymentsUseCase payments, AdminStatsUseCase stats,
                      ConsoleSessionsUseCase sessions, QrImageRenderer images, WebhookDeliveriesAdminUseCase deliveries) {
        this.console = console;
        this.qrs = qrs;
        this.otps = otps;
        this.close = close;
        this.payments = payments;
        this.stats = stats;
        this.sessions = sessions;
        this.images = images;
        this.deliveries = deliveries;
    }

    @Get
    HttpResponse<?> overview(HttpRequest<?> request) {
        Map<String, Object> model = ConsolePages.model(request, "overview");
        model.put("o", ConsoleOverviewView.of(console.overview()));
        return ConsolePages.render(HttpStatus.OK, "console/overview", model);
    }

    @Get("/qrs{?q,status,provider,registrationId,merchant,createdFrom,createdTo,cursor}")
    HttpResponse<?> searchQrs(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String status,
                              @Nullable @QueryValue String provider, @Nullable @QueryValue String registrationId,
                              @Nullable @QueryValue String merchant, @Nullable @QueryValue String createdFrom,
                              @Nullable @QueryValue String createdTo, @Nullable @QueryValue String cursor) {
        Map<String, String> filters = filters("q", q, "status", status, "provider", provider, "registrationId",
                registrationId, "merchant", merchant, "createdFrom", createdFrom, "createdTo", createdTo);
        return searchPage(request, "qrs", q, filters, HttpStatus.NOT_FOUND, QrRow::of,
                () -> qrs.search(new SearchQuery(blank(status), blank(provider), blank(registrationId),
                        dayStart(createdFrom, false), dayStart(createdTo, true), null, blank(cursor), blank(merchant))));
    }

    @Get("/qrs/{id}")
    HttpResponse<?> qr(HttpRequest<?> request, String id) {
        QrIntentDetail detail;
        try {
            detail = qrs.detail(id);
        } catch (NotFoundException e) {
            return noSuchQr(request);
        }
        QrIntent qr = detail.qr();
        Map<String, Object> model = ConsolePages.model(request, "qrs");
        model.put("qr", QrRow.of(qr));
        model.put("fields", ConsoleViews.qrFields(qr));
        model.put("events", detail.events().stream().map(EventRow::of).toList());
        model.put("attempts", detail.attempts().stream().map(AttemptRow::of).toList());
        model.put("payments", payments.ofQr(qr.id()).stream().map(PaymentRow::of).toList());
        model.put("deliveries", deliveries.ofResource(qr.id()).stream().map(DeliveryRow::of).toList());
        model.put("closable", qr.status() == QrStatus.ACTIVE);
        model.put("image", qr.status() == QrStatus.ACTIVE && qr.upiIntent() != null
                ? "data:image/png;base64," + Base64.getEncoder().encodeToString(images.png(qr.upiIntent(), IMAGE_SIZE)) : null);
        return ConsolePages.render(HttpStatus.OK, "console/qr", model);
    }

    @Get("/qrs/{id}/close")
    HttpResponse<?> confirmClose(HttpRequest<?> request, String id) {
        try {
            QrIntent qr = qrs.detail(id).qr();
            Map<String, Object> model = ConsolePages.model(request, "qrs");
            model.put("qr", QrRow.of(qr));
            model.put("closable", qr.status() == QrStatus.ACTIVE);
            return ConsolePages.render(HttpStatus.OK, "console/close", model);
        } catch (NotFoundException e) {
            return noSuchQr(request);
        }
    }

    @Post("/qrs/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(HttpRequest<?> request, String id, @Body Map<String, String> form) {
        return ConsolePages.submitted(sessions, request, form, user -> {
            try {
                close.close(id, Actor.admin(user.adminId()));
                return HttpResponse.seeOther(URI.create("/console/qrs/" + enc(id) + "?closed"));
            } catch (NotFoundException e) {
                return noSuchQr(request);
            } catch (DomainException e) {
                return ConsolePages.error(request, HttpStatus.CONFLICT, "Not closed", e.getMessage());
            } catch (ProviderCallFailedException e) {
                return ConsolePages.error(request, HttpStatus.BAD_GATEWAY, "Not closed",
                        "The provider did not close it (" + e.failure().kind() + "): " + e.getMessage());
            }
        });
    }

    @Get("/transfer-otps{?q,status,registrationId,merchant,createdFrom,createdTo,cursor}")
    HttpResponse<?> searchOtps(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String status,
                               @Nullable @QueryValue String registrationId, @Nullable @QueryValue String merchant,
                               @Nullable @QueryValue String createdFrom, @Nullable @QueryValue String createdTo,
                               @Nullable @QueryValue String cursor) {
        Map<String, String> filters = filters("q", q, "status", status, "registrationId", registrationId,
                "merchant", merchant, "createdFrom", createdFrom, "createdTo", createdTo);
        return searchPage(request, "otps", q, filters, HttpStatus.OK, OtpRow::of,
                () -> otps.search(new SearchQuery(blank(status), null, blank(registrationId),
                        dayStart(createdFrom, false), dayStart(createdTo, true), null, blank(cursor), blank(merchant))));
    }

    @Get("/transfer-otps/{id}")
    HttpResponse<?> otp(HttpRequest<?> request, String id) {
        try {
            TransferOtpDetail detail = otps.detail(id);
            Map<String, Object> model = ConsolePages.model(request, "otps");
            model.put("otp", OtpRow.of(detail.otp()));
            model.put("fields", ConsoleViews.otpFields(detail.otp()));
            model.put("events", detail.events().stream().map(EventRow::of).toList());
            model.put("deliveries", deliveries.ofResource(detail.otp().id()).stream().map(DeliveryRow::of).toList());
            return ConsolePages.render(HttpStatus.OK, "console/otp", model);
        } catch (NotFoundException e) {
            return ConsolePages.error(request, HttpStatus.NOT_FOUND, "No such transfer OTP", "There is no transfer OTP with this id.");
        }
    }

    @Get("/payments{?cursor}")
    HttpResponse<?> waitingPayments(HttpRequest<?> request, @Nullable @QueryValue String cursor) {
        Map<String, Object> model = ConsolePages.model(request, "payments");
        try {
            Page<QrPayment> page = payments.waiting(null, blank(cursor));
            model.put("rows", page.items().stream().map(PaymentRow::of).toList());
            model.put("count", payments.countWaiting());
            model.put("next", page.nextCursor() == null ? null : "?cursor=" + enc(page.nextCursor()));
            return ConsolePages.render(HttpStatus.OK, "console/payments", model);
        } catch (InvalidRequestException e) {
            return ConsolePages.error(request, HttpStatus.BAD_REQUEST, "Bad page", "This is not a page of this list.");
        }
    }

    @Post("/payments/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resolve(HttpRequest<?> request, String id, @Body Map<String, String> form) {
        return ConsolePages.submitted(sessions, request, form, user -> {
            try {
                QrPayment resolved = payments.resolve(id, form.get("note"), Actor.admin(user.adminId()));
                return HttpResponse.seeOther(URI.create("/console/payments?resolved=" + resolved.id()));
            } catch (InvalidRequestException e) {
                return ConsolePages.error(request, HttpStatus.BAD_REQUEST, "Not resolved",
                        e.errors().stream().map(x -> x.field() + " " + x.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            } catch (NotFoundException e) {
                return ConsolePages.error(request, HttpStatus.NOT_FOUND, "No such payment", "There is no payment with this number.");
            } catch (PaymentNotWaitingException e) {
                return ConsolePages.error(request, HttpStatus.CONFLICT, "Not resolved", e.getMessage());
            }
        });
    }

    @Get("/providers")
    HttpResponse<?> providers(HttpRequest<?> request) {
        Map<String, Object> model = ConsolePages.model(request, "providers");
        model.put("providers", stats.providers().stream().map(ConsoleOverviewView.ProviderSettingsRow::of).toList());
        return ConsolePages.render(HttpStatus.OK, "console/providers", model);
    }

    /**
     * A search page ({@code console/<page>}): a pasted id or reference {@code q} jumps to its detail
     * page; else the filtered rows ({@code unmatched} is the status when {@code q} found nothing).
     */
    private <T> HttpResponse<?> searchPage(HttpRequest<?> request, String page, @Nullable String q,
                                           Map<String, String> filters, HttpStatus unmatched,
                                           Function<T, ?> row, Supplier<Page<T>> search) {
        Map<String, Object> model = ConsolePages.model(request, page);
        boolean jumped = q != null && !q.isBlank();
        if (jumped) {
            Optional<JumpTarget> target = console.jump(q);
            if (target.isPresent()) {
                return HttpResponse.seeOther(URI.create(detailPath(target.get())));
            }
            model.put("notice", "Nothing has the id or reference “" + q.strip() + "”.");
        }
        return ConsolePages.filteredPage(page, model, filters, jumped ? unmatched : HttpStatus.OK, row, search);
    }

    private static String detailPath(JumpTarget target) {
        return (target.kind() == JumpTarget.Kind.QR ? "/console/qrs/" : "/console/transfer-otps/") + enc(target.id());
    }

    private static HttpResponse<?> noSuchQr(HttpRequest<?> request) {
        return ConsolePages.error(request, HttpStatus.NOT_FOUND, "No such QR", "There is no QR with this id.");
    }
}
