package io.payorch.bootstrap.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.admin.OpenStates;
import io.payorch.application.port.in.AdminStatsUseCase;
import io.payorch.domain.Provider;
import io.payorch.domain.QrStatus;
import io.payorch.domain.TransferOtpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gauges of how many QRs and transfer OTPs are in each open state, the work in progress
 * ({@code payorch.qr.state} by provider and status: PENDING, ACTIVE, UNKNOWN; {@code payorch.otp.state}
 * by status: PENDING, OTP_SENT, REGISTRATION_OTP_SENT, UNKNOWN). Refreshed on a schedule from one
 * indexed count each, so a scrape never queries the database and a refresh reads only the open rows:
 * every instance runs it, and the finished rows (which only grow) would make a full count a full scan.
 * Finished states are counted on request by {@code GET /admin/stats}.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class StateGauges {

    private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);

    private final AdminStatsUseCase stats;
    private final MultiGauge qrs;
    private final MultiGauge otps;

    StateGauges(AdminStatsUseCase stats, MeterRegistry meters) {
        this.stats = stats;
        this.qrs = MultiGauge.builder("payorch.qr.state").description("QRs in each open state").register(meters);
        this.otps = MultiGauge.builder("payorch.otp.state").description("Transfer OTPs in each open state").register(meters);
    }

    /** Every provider and open state has a row, 0 when none are in it, so a dashboard's series never vanish. */
    @Scheduled(fixedDelay = "${payorch.metrics.state-refresh:30s}", initialDelay = "${payorch.metrics.state-refresh:30s}")
    void refresh() {
        OpenStates now;
        try {
            now = stats.openStates();
        } catch (RuntimeException e) {
            LOG.warn("state gauges not refreshed: {}", e.getClass().getSimpleName());
            return;
        }
        Map<List<String>, Long> qrCounts = new LinkedHashMap<>();
        for (Provider provider : Provider.values()) {
            for (QrStatus status : QrStatus.open()) {
                qrCounts.put(List.of(provider.name(), status.name()), 0L);
            }
        }
        now.qrs().forEach(c -> qrCounts.put(List.of(c.provider() == null ? "none" : c.provider(), c.status()), c.count()));
        Map<String, Long> otpCounts = new LinkedHashMap<>();
        for (TransferOtpStatus status : TransferOtpStatus.open()) {
            otpCounts.put(status.name(), 0L);
        }
        now.transferOtps().forEach(c -> otpCounts.put(c.status(), c.count()));
        qrs.register(qrCounts.entrySet().stream().map(e -> MultiGauge.Row.of(
                Tags.of("provider", e.getKey().get(0), "status", e.getKey().get(1)), e.getValue()))
                .collect(Collectors.toList()), true);
        otps.register(otpCounts.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue()))
                .collect(Collectors.toList()), true);
    }
}
