package io.payorch.application.service;

import io.payorch.application.admin.RecentOutcomes;
import io.payorch.application.admin.ProviderOverview;
import io.payorch.application.admin.OpenStates;
import io.payorch.application.admin.SweepStatus;
import io.payorch.application.admin.Page;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.admin.Stats;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.QrFilter;
import io.payorch.application.admin.PageRequest;
import io.payorch.application.admin.QrIntentDetail;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.application.port.in.AdminStatsUseCase;
import io.payorch.application.port.in.BrowseQrIntentsUseCase;
import io.payorch.application.port.out.ProviderSettingsPort;
import io.payorch.application.port.out.QrIntentSearchPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.lifecycle.SweepStats;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.domain.Provider;
import io.payorch.domain.QrIntent;
import io.payorch.domain.QrStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The admin API's reads: checked search parameters, keyset pages, details, counts, providers. */
public final class AdminQueryService implements BrowseQrIntentsUseCase, AdminStatsUseCase {

    /** How many of a provider's last calls {@code /admin/providers} summarises. */
    public static final int RECENT_CALLS = 100;

    private final QrIntentSearchPort qrs;
    private final QrIntentStore qrStore;
    private final TransferOtpReadPort otps;
    private final ProviderSettingsPort providers;
    private final SweepStatsQuery sweeps;
    private final Clock clock;

    public AdminQueryService(QrIntentSearchPort qrs, QrIntentStore qrStore, TransferOtpReadPort otps,
                             ProviderSettingsPort providers, SweepStatsQuery sweeps, Clock clock) {
        this.qrs = qrs;
        this.qrStore = qrStore;
        this.otps = otps;
        this.providers = providers;
        this.sweeps = sweeps;
        this.clock = clock;
    }

    @Override
    public Page<QrIntent> search(SearchQuery query) {
        List<FieldError> errors = new ArrayList<>();
        QrStatus status = SearchParameters.parse(errors, "status", query.status(),
                QrStatus::valueOf, "must be one of " + Arrays.toString(QrStatus.values()) + ", exactly as written");
        Provider provider = SearchParameters.parse(errors, "provider", query.provider(), Provider::parse,
                "must be one of AOP, OQPAY, BOS, RAZORPAY, exactly as written");
        QrFilter filter = new QrFilter(status, provider, SearchParameters.registrationId(errors, query.registrationId()),
                SearchParameters.instant(errors, "createdFrom", query.createdFrom()),
                SearchParameters.instant(errors, "createdTo", query.createdTo()),
                SearchParameters.merchant(errors, query.merchant()));
        PageRequest page = SearchParameters.page(errors, query);
        List<QrIntent> rows = qrs.search(filter, page.after(), page.limit() + 1);
        return SearchParameters.toPage(rows, page.limit(), q -> new PageCursor(q.createdAt(), q.id()));
    }

    @Override
    public QrIntentDetail detail(String id) {
        QrIntent qr = qrStore.findById(id).orElseThrow(() -> new NotFoundException("QR", id));
        return new QrIntentDetail(qr, qrStore.history(id), qrStore.attempts(id));
    }

    @Override
    public Stats stats(String merchant) {
        List<FieldError> errors = new ArrayList<>();
        SearchParameters.merchant(errors, merchant);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        SweepStats last = sweeps.snapshot();
        Optional<SweepStatus> lastSweep = last.lastSweepAt() == null ? Optional.empty()
                : Optional.of(new SweepStatus(last.lastSweepAt(), last.lastDuration(), last.lastLag(),
                        last.lastQrsExpired(), last.lastOtpsExpired()));
        return new Stats(clock.instant(), merchant, qrs.countByProviderAndStatus(merchant), otps.countByStatus(merchant),
                lastSweep);
    }

    @Override
    public OpenStates openStates() {
        return new OpenStates(qrs.countOpenByProviderAndStatus(), otps.countOpenByStatus());
    }

    @Override
    public List<ProviderOverview> providers() {
        return providers.all().stream().map(p -> {
            RecentOutcomes recent = qrs.recentOutcomes(p.name().toUpperCase(Locale.ROOT), RECENT_CALLS);
            return new ProviderOverview(p.name(), p.enabled(), p.baseUrl(), p.authMode(), recent.counts(),
                    recent.lastCallAt());
        }).collect(Collectors.toList());
    }

}
