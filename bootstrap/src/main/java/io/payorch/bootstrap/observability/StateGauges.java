package io.payorch.bootstrap.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.admin.Stats;
import io.payorch.application.port.in.AdminStatsUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/**
 * Gauges of how many QRs and transfer OTPs are in each state ({@code payorch.qr.state} by
 * provider and status, {@code payorch.otp.state} by status), refreshed on a schedule from one
 * GROUP BY each, so a scrape never queries the database.
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
        this.qrs = MultiGauge.builder("payorch.qr.state").description("QRs in each state").register(meters);
        this.otps = MultiGauge.builder("payorch.otp.state").description("Transfer OTPs in each state").register(meters);
    }

    @Scheduled(fixedDelay = "${payorch.metrics.state-refresh:30s}", initialDelay = "${payorch.metrics.state-refresh:30s}")
    void refresh() {
        Stats now;
        try {
            now = stats.stats();
        } catch (RuntimeException e) {
            LOG.warn("state gauges not refreshed: {}", e.getClass().getSimpleName());
            return;
        }
        qrs.register(now.qrs().stream().map(c -> MultiGauge.Row.of(
                Tags.of("provider", c.provider() == null ? "none" : c.provider(), "status", c.status()), c.count()))
                .collect(Collectors.toList()), true);
        otps.register(now.transferOtps().stream().map(c -> MultiGauge.Row.of(Tags.of("status", c.status()), c.count()))
                .collect(Collectors.toList()), true);
    }
}
