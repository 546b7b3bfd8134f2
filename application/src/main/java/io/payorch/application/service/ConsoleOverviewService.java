package io.payorch.application.service;

import io.payorch.application.admin.SweepStatus;
import io.payorch.application.console.DailyFigures;
import io.payorch.application.console.JumpTarget;
import io.payorch.application.console.Overview;
import io.payorch.application.console.ProviderActivity;
import io.payorch.application.admin.ProviderSettings;
import io.payorch.application.console.ProviderActivity.Window;
import io.payorch.application.port.in.AdminStatsUseCase;
import io.payorch.application.port.in.ConsoleOverviewUseCase;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.application.port.out.ConsoleReadPort;
import io.payorch.application.port.out.PaymentReviewPort;
import io.payorch.application.port.out.ProviderSettingsPort;
import io.payorch.application.port.out.QrIntentStore;
import io.payorch.application.port.out.TransferOtpReadPort;
import io.payorch.application.port.out.WebhookDeliveryStore;
import io.payorch.domain.Provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console overview and the "paste anything" lookup. The last hour's figures and each provider's
 * health are read on every overview; the last day's, which read a day of provider attempts, are
 * refreshed on a schedule ({@link #refreshDailyFigures()}) and shown with their time.
 */
public final class ConsoleOverviewService implements ConsoleOverviewUseCase {

    static final int TOP_FAILURES = 3;
    /** The webhook backlog is counted up to this many rows ("10,000+" beyond), so the overview stays fast. */
    public static final int BACKLOG_CAP = 10_000;
    private static final int MAX_PASTED = 128;

    private final AdminStatsUseCase stats;
    private final ConsoleReadPort reads;
    private final PaymentReviewPort payments;
    private final ProviderSettingsPort providers;
    private final SweepStatsQuery sweeps;
    private final QrIntentStore qrs;
    private final TransferOtpReadPort otps;
    private final WebhookDeliveryStore deliveries;
    private final Clock clock;
    private volatile DailyFigures daily;

    public ConsoleOverviewService(AdminStatsUseCase stats, ConsoleReadPort reads, PaymentReviewPort payments,
                                  ProviderSettingsPort providers, SweepStatsQuery sweeps, QrIntentStore qrs,
                                  TransferOtpReadPort otps, WebhookDeliveryStore deliveries, Clock clock) {
        this.stats = stats;
        this.reads = reads;
        this.payments = payments;
        this.providers = providers;
        this.sweeps = sweeps;
        this.qrs = qrs;
        this.otps = otps;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public Overview overview() {
        Instant now = clock.instant();
        DailyFigures daily = this.daily;
        if (daily == null) {
            daily = refreshDailyFigures();
        }
        Map<String, Window> hour = reads.attempts(now.minus(Duration.ofHours(1)));
        List<ProviderActivity> activity = new ArrayList<>();
        for (ProviderSettings p : providers.all()) {
            String name = p.name().toUpperCase(Locale.ROOT);
            Window none = new Window(0, 0);
            int failing = reads.consecutiveFailures(name, ProviderActivity.FAILURES_BEFORE_DEGRADED);
            Window lastDay = daily.attempts().getOrDefault(name, none);
            String health = !p.enabled() ? "DISABLED"
                    : !isQrProvider(name) ? "NOT_TRACKED"
                    : failing >= ProviderActivity.FAILURES_BEFORE_DEGRADED ? "DEGRADED"
                    : lastDay.attempts() == 0 && hour.getOrDefault(name, none).attempts() == 0 && failing == 0 ? "IDLE" : "UP";
            activity.add(new ProviderActivity(name, p.enabled(), hour.getOrDefault(name, none), lastDay,
                    daily.failures().stream().filter(f -> f.provider().equals(name)).toList(), health, failing));
        }
        return new Overview(now, stats.openStates(), activity, daily.at(), payments.countWaiting(),
                deliveries.pendingBacklog(BACKLOG_CAP), SweepStatus.of(sweeps.snapshot()));
    }

    /**
     * Counts the last day's provider attempts and their most frequent failures (some 100 ms of
     * PostgreSQL at 5,000,000 QRs), kept for the overview until the next refresh.
     */
    @Override
    public DailyFigures refreshDailyFigures() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(1));
        DailyFigures figures = new DailyFigures(now, reads.attempts(since), reads.failures(since, TOP_FAILURES));
        this.daily = figures;
        return figures;
    }

    private static boolean isQrProvider(String name) {
        for (Provider p : Provider.values()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<JumpTarget> jump(String pasted) {
        String text = pasted == null ? "" : pasted.strip();
        if (text.isEmpty() || text.length() > MAX_PASTED) {
            return Optional.empty();
        }
        if (qrs.findById(text).isPresent()) {
            return Optional.of(new JumpTarget(JumpTarget.Kind.QR, text));
        }
        if (otps.findById(text).isPresent()) {
            return Optional.of(new JumpTarget(JumpTarget.Kind.TRANSFER_OTP, text));
        }
        return reads.qrIdByProviderReference(text).or(() -> reads.qrIdByPaymentReference(text))
                .map(id -> new JumpTarget(JumpTarget.Kind.QR, id));
    }
}
