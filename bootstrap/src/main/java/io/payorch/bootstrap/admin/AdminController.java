package io.payorch.bootstrap.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.payorch.bootstrap.admin.AdminViews.QrPageView;
import io.payorch.bootstrap.admin.AdminViews.TransferOtpPageView;
import io.payorch.bootstrap.admin.AdminViews.ProviderView;
import io.payorch.bootstrap.admin.AdminViews.QrDetailView;
import io.payorch.bootstrap.admin.AdminViews.StatsView;
import io.payorch.bootstrap.admin.AdminViews.SweepResultView;
import io.payorch.bootstrap.admin.AdminViews.TransferOtpDetailView;
import io.payorch.bootstrap.admin.AdminViews.TransferOtpView;
import io.payorch.bootstrap.web.ApiProblems;
import io.payorch.domain.QrIntent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
@ApiProblems.Admin
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

    @Get(value = "/qr-codes{?status,provider,registrationId,merchant,createdFrom,createdTo,limit,cursor}",
            produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchQrCodes", summary = "Search QRs, newest first, with keyset pagination")
    @ApiResponse(responseCode = "200", description = "A page of QRs", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QrPageView.class)))
    @ApiProblems.BadRequest
    QrPageView searchQrs(
            @Parameter(description = "one status, case-insensitive", schema = @Schema(type = "string",
                    allowableValues = {"PENDING", "ACTIVE", "PAID", "EXPIRED", "CLOSED", "FAILED", "UNKNOWN",
                    "pending", "active", "paid", "expired", "closed", "failed", "unknown"}))
            @Nullable @QueryValue String status,
            @Parameter(description = "one provider, case-insensitive", schema = @Schema(type = "string",
                    allowableValues = {"AOP", "OQPAY", "BOS", "RAZORPAY",
                    "aop", "oqpay", "bos", "razorpay"}))
            @Nullable @QueryValue String provider,
            @Parameter(description = "exact registration id", schema = @Schema(type = "string", minLength = 1, maxLength = 64))
            @Nullable @QueryValue String registrationId,
            @Parameter(description = "a merchant client id: only its QRs", schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._-]{1,64}$"))
            @Nullable @QueryValue String merchant,
            @Parameter(description = "ISO-8601 instant, inclusive", example = "2026-01-31T00:00:00Z",
                    schema = @Schema(type = "string", format = "date-time")) @Nullable @QueryValue String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive", example = "2026-02-01T00:00:00Z",
                    schema = @Schema(type = "string", format = "date-time")) @Nullable @QueryValue String createdTo,
            @Parameter(description = "page size, default 50", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "200", defaultValue = "50")) @Nullable @QueryValue String limit,
            @Parameter(description = "nextCursor of the previous page (opaque)", schema = @Schema(type = "string"))
            @Nullable @QueryValue String cursor) {
        Page<QrIntent> page = qrs.search(new SearchQuery(status, provider, registrationId, createdFrom, createdTo, limit,
                cursor, merchant));
        return new QrPageView(page.items().stream().map(AdminQrView::of).toList(), page.nextCursor());
    }

    @Get(value = "/qr-codes/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAdminQrCode", summary = "One QR with its events and provider attempts")
    @ApiResponse(responseCode = "200", description = "The QR", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QrDetailView.class)))
    @ApiProblems.NotFound
    QrDetailView qr(String id) {
        QrIntentDetail detail = qrs.detail(id);
        return new QrDetailView(AdminQrView.of(detail.qr()), detail.events().stream().map(EventView::of).toList(),
                detail.attempts().stream().map(AttemptView::of).toList());
    }

    @Get(value = "/transfer-otps{?status,registrationId,merchant,createdFrom,createdTo,limit,cursor}",
            produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchTransferOtps", summary = "Search transfer OTPs, newest first, with keyset pagination")
    @ApiResponse(responseCode = "200", description = "A page of transfer OTPs (mobiles masked)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferOtpPageView.class)))
    @ApiProblems.BadRequest
    TransferOtpPageView searchOtps(
            @Parameter(description = "one status, case-insensitive", schema = @Schema(type = "string",
                    allowableValues = {"PENDING", "OTP_SENT", "REGISTRATION_OTP_SENT", "FAILED", "UNKNOWN", "EXPIRED",
                    "pending", "otp_sent", "registration_otp_sent", "failed", "unknown", "expired"}))
            @Nullable @QueryValue String status,
            @Parameter(description = "exact registration id", schema = @Schema(type = "string", minLength = 1, maxLength = 64))
            @Nullable @QueryValue String registrationId,
            @Parameter(description = "a merchant client id: only its OTPs", schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._-]{1,64}$"))
            @Nullable @QueryValue String merchant,
            @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(type = "string", format = "date-time"))
            @Nullable @QueryValue String createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive", schema = @Schema(type = "string", format = "date-time"))
            @Nullable @QueryValue String createdTo,
            @Parameter(description = "page size, default 50", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "200", defaultValue = "50")) @Nullable @QueryValue String limit,
            @Parameter(description = "nextCursor of the previous page (opaque)", schema = @Schema(type = "string"))
            @Nullable @QueryValue String cursor) {
        Page<TransferOtpRecord> page = otps.search(new SearchQuery(status, null, registrationId, createdFrom, createdTo,
                limit, cursor, merchant));
        return new TransferOtpPageView(page.items().stream().map(TransferOtpView::of).toList(), page.nextCursor());
    }

    @Get(value = "/transfer-otps/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAdminTransferOtp", summary = "One transfer OTP with its events")
    @ApiResponse(responseCode = "200", description = "The transfer OTP", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferOtpDetailView.class)))
    @ApiProblems.NotFound
    TransferOtpDetailView otp(String id) {
        TransferOtpDetail detail = otps.detail(id);
        return new TransferOtpDetailView(TransferOtpView.of(detail.otp()),
                detail.events().stream().map(EventView::of).toList());
    }

    @Post(value = "/sweeps", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "runSweeps", summary = "Run the expiry sweeps now; answers how many QRs and OTPs were expired",
            description = "Takes no body.")
    @ApiResponse(responseCode = "200", description = "The sweep ran", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepResultView.class)))
    HttpResponse<?> sweep() {
        return HttpResponse.ok(SweepResultView.of(sweeps.expireDue()));
    }

    @Get(value = "/stats{?merchant}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStats", summary = "Counts by provider and status; the last sweep's time, duration and lag")
    @ApiResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatsView.class)))
    @ApiProblems.BadRequest
    StatsView stats(@Parameter(description = "a merchant client id: count only its QRs and OTPs",
                            schema = @Schema(type = "string", pattern = "^[A-Za-z0-9._-]{1,64}$"))
                    @Nullable @QueryValue String merchant) {
        return StatsView.of(stats.stats(merchant));
    }

    @Get(value = "/providers", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProviders",
            summary = "Each provider: enabled, base URL, auth mode, outcomes of its last 100 calls; never a secret")
    @ApiResponse(responseCode = "200", description = "The providers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = ProviderView.class))))
    List<ProviderView> providers() {
        return stats.providers().stream().map(ProviderView::of).toList();
    }
}
