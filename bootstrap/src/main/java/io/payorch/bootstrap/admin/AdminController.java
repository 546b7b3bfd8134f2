package io.payorch.bootstrap.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.QrIntentDetail;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.admin.TransferOtpDetail;
import io.payorch.application.admin.TransferOtpRecord;
import io.payorch.application.port.in.AdminStatsUseCase;
import io.payorch.application.port.in.BrowseQrIntentsUseCase;
import io.payorch.application.port.in.BrowseTransferOtpsUseCase;
import io.payorch.application.port.in.ExpireDueUseCase;
import io.payorch.bootstrap.admin.AdminViews.AdminQrView;
import io.payorch.bootstrap.admin.AdminViews.AttemptView;
import io.payorch.bootstrap.admin.AdminViews.EventView;
import io.payorch.bootstrap.admin.AdminViews.PageView;
import io.payorch.bootstrap.admin.AdminViews.ProviderView;
import io.payorch.bootstrap.admin.AdminViews.QrDetailView;
import io.payorch.bootstrap.admin.AdminViews.StatsView;
import io.payorch.bootstrap.admin.AdminViews.SweepResultView;
import io.payorch.bootstrap.admin.AdminViews.TransferOtpDetailView;
import io.payorch.bootstrap.admin.AdminViews.TransferOtpView;
import io.payorch.bootstrap.web.Problem;
import io.payorch.domain.QrIntent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * The admin API (role ADMIN; a merchant gets 403). Reads only, except {@code POST /admin/sweeps}.
 * Blocking (JDBC), so it runs off the event loop.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin", description = "Operations: search, detail with history, sweeps, stats, providers (role ADMIN)")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "Merchant credentials: admins only",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class AdminController {

    private final BrowseQrIntentsUseCase qrs;
    private final BrowseTransferOtpsUseCase otps;
    private final AdminStatsUseCase stats;
    private final ExpireDueUseCase sweeps;

    AdminController(BrowseQrIntentsUseCase qrs, BrowseTransferOtpsUseCase otps, AdminStatsUseCase stats,
                    ExpireDueUseCase sweeps) {
        this.qrs = qrs;
        this.otps = otps;
        this.stats = stats;
        this.sweeps = sweeps;
    }

    @Get("/qr-codes{?status,provider,registrationId,merchant,createdFrom,createdTo,limit,cursor}")
    @Operation(summary = "Search QRs, newest first, with keyset pagination")
    @ApiResponse(responseCode = "200", description = "A page of QRs", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"items\":[{\"id\":\"qr_01JD3Q7Z8XK2M4N6P8R0T2V4W6\",\"provider\":\"AOP\","
                    + "\"providerReference\":\"AOP1PLS42N2S0XJI\",\"registrationId\":\"AOP-554\",\"amount\":\"10.50\","
                    + "\"usage\":\"single_use\",\"status\":\"ACTIVE\",\"upiIntent\":\"upi://pay?pa=m@upi&am=10.50\","
                    + "\"createdAt\":\"2026-01-31T10:15:30.123456Z\",\"expiresAt\":\"2026-01-31T10:20:30Z\","
                    + "\"paymentsCount\":0,\"paymentsTotal\":\"0.00\"}],\"nextCursor\":\"djE6MTc2OTg1NDUzMDEyMzQ1Njpxcl8wMUpE\"}")))
    @ApiResponse(responseCode = "400", description = "A bad filter, limit or cursor (named in errors[])",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    PageView<AdminQrView> searchQrs(
            @Parameter(description = "PENDING, ACTIVE, PAID, EXPIRED, CLOSED, FAILED or UNKNOWN") @Nullable @QueryValue String status,
            @Parameter(description = "AOP, OQPAY, BOS or RAZORPAY") @Nullable @QueryValue String provider,
            @Parameter(description = "exact registration id") @Nullable @QueryValue String registrationId,
            @Parameter(description = "a merchant client id: only its QRs") @Nullable @QueryValue String merchant,
            @Parameter(description = "ISO-8601 instant, inclusive", example = "2026-01-31T00:00:00Z") @Nullable @QueryValue String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive", example = "2026-02-01T00:00:00Z") @Nullable @QueryValue String createdTo,
            @Parameter(description = "1 to 200, default 50") @Nullable @QueryValue String limit,
            @Parameter(description = "nextCursor of the previous page") @Nullable @QueryValue String cursor) {
        Page<QrIntent> page = qrs.search(new SearchQuery(status, provider, registrationId, createdFrom, createdTo, limit,
                cursor, merchant));
        return new PageView<>(page.items().stream().map(AdminQrView::of).toList(), page.nextCursor());
    }

    @Get("/qr-codes/{id}")
    @Operation(summary = "One QR with its events and provider attempts")
    @ApiResponse(responseCode = "200", description = "The QR", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"id\":\"qr_01JD3Q7Z8XK2M4N6P8R0T2V4W6\",\"provider\":\"AOP\",\"status\":\"ACTIVE\","
                    + "\"amount\":\"10.50\",\"events\":[{\"from\":null,\"to\":\"PENDING\",\"at\":\"2026-01-31T10:15:30Z\","
                    + "\"reason\":\"created\",\"source\":\"merchant:acme\"},{\"from\":\"PENDING\",\"to\":\"ACTIVE\","
                    + "\"at\":\"2026-01-31T10:15:31Z\",\"reason\":\"provider accepted\",\"source\":\"provider:AOP\"}],"
                    + "\"attempts\":[{\"provider\":\"AOP\",\"outcome\":\"accepted\",\"at\":\"2026-01-31T10:15:31Z\","
                    + "\"detail\":\"reference AOP1PLS42N2S0XJI\"}]}")))
    @ApiResponse(responseCode = "404", description = "No such QR",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    QrDetailView qr(String id) {
        QrIntentDetail detail = qrs.detail(id);
        return new QrDetailView(AdminQrView.of(detail.qr()), detail.events().stream().map(EventView::of).toList(),
                detail.attempts().stream().map(AttemptView::of).toList());
    }

    @Get("/transfer-otps{?status,registrationId,merchant,createdFrom,createdTo,limit,cursor}")
    @Operation(summary = "Search transfer OTPs, newest first, with keyset pagination")
    @ApiResponse(responseCode = "200", description = "A page of transfer OTPs (mobiles masked)")
    @ApiResponse(responseCode = "400", description = "A bad filter, limit or cursor",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    PageView<TransferOtpView> searchOtps(
            @Parameter(description = "PENDING, OTP_SENT, REGISTRATION_OTP_SENT, FAILED, UNKNOWN or EXPIRED") @Nullable @QueryValue String status,
            @Nullable @QueryValue String registrationId,
            @Parameter(description = "a merchant client id: only its OTPs") @Nullable @QueryValue String merchant,
            @Parameter(description = "ISO-8601 instant, inclusive") @Nullable @QueryValue String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @Nullable @QueryValue String createdTo,
            @Parameter(description = "1 to 200, default 50") @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        Page<TransferOtpRecord> page = otps.search(new SearchQuery(status, null, registrationId, createdFrom, createdTo,
                limit, cursor, merchant));
        return new PageView<>(page.items().stream().map(TransferOtpView::of).toList(), page.nextCursor());
    }

    @Get("/transfer-otps/{id}")
    @Operation(summary = "One transfer OTP with its events")
    @ApiResponse(responseCode = "200", description = "The transfer OTP")
    @ApiResponse(responseCode = "404", description = "No such transfer OTP",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    TransferOtpDetailView otp(String id) {
        TransferOtpDetail detail = otps.detail(id);
        return new TransferOtpDetailView(TransferOtpView.of(detail.otp()),
                detail.events().stream().map(EventView::of).toList());
    }

    @Post("/sweeps")
    @Operation(summary = "Run the expiry sweeps now; answers how many QRs and OTPs were expired")
    @ApiResponse(responseCode = "200", description = "The sweep ran",
            content = @Content(schema = @Schema(implementation = SweepResultView.class)))
    HttpResponse<?> sweep() {
        return HttpResponse.ok(SweepResultView.of(sweeps.expireDue()));
    }

    @Get("/stats{?merchant}")
    @Operation(summary = "Counts by provider and status; the last sweep's time, duration and lag")
    @ApiResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"at\":\"2026-01-31T10:15:30Z\",\"qrs\":[{\"provider\":\"AOP\","
                    + "\"status\":\"ACTIVE\",\"count\":12}],\"transferOtps\":[{\"provider\":null,\"status\":\"OTP_SENT\","
                    + "\"count\":3}],\"lastSweep\":{\"at\":\"2026-01-31T10:15:25Z\",\"durationMillis\":14,"
                    + "\"lagMillis\":900,\"qrsExpired\":2,\"otpsExpired\":1}}")))
    StatsView stats(@Parameter(description = "a merchant client id: count only its QRs and OTPs")
                    @Nullable @QueryValue String merchant) {
        return StatsView.of(stats.stats(merchant));
    }

    @Get("/providers")
    @Operation(summary = "Each provider: enabled, base URL, auth mode, outcomes of its last 100 calls; never a secret")
    @ApiResponse(responseCode = "200", description = "The providers", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "[{\"name\":\"razorpay\",\"enabled\":true,\"baseUrl\":\"https://api.razorpay.com/v1\","
                    + "\"authMode\":\"http-basic (key id and key secret)\",\"recentOutcomes\":{\"accepted\":97,"
                    + "\"unknown\":3},\"lastCallAt\":\"2026-01-31T10:15:31Z\"}]")))
    List<ProviderView> providers() {
        return stats.providers().stream().map(ProviderView::of).toList();
    }
}
