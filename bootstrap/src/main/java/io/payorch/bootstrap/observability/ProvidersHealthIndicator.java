package io.payorch.bootstrap.observability;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.payorch.application.admin.ProviderSettings;
import io.payorch.application.port.out.ProviderSettingsPort;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code providers} entry in /health: per provider whether it is enabled and configured, its
 * last outcome in this instance and how many calls in a row failed. A failing provider makes the
 * entry DEGRADED, which stays operational (HTTP 200): routing falls back to other providers, so
 * taking this instance out of service would not help.
 */
@Singleton
@Readiness
class ProvidersHealthIndicator implements HealthIndicator {

    static final int FAILURES_BEFORE_DEGRADED = 3;
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "a provider keeps failing", true, 0);

    private final ProviderSettingsPort settings;
    private final ProviderCallStats stats;

    ProvidersHealthIndicator(ProviderSettingsPort settings, ProviderCallStats stats) {
        this.settings = settings;
        this.stats = stats;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, ProviderCallStats.Recent> recent = stats.snapshot();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean degraded = false;
        for (ProviderSettings p : settings.all()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("enabled", p.enabled());
            d.put("configured", p.baseUrl() != null);
            ProviderCallStats.Recent r = recent.get(p.name());
            String status = "UP";
            if (r != null) {
                d.put("lastOutcome", r.lastOutcome());
                d.put("lastCallAt", r.lastCallAt().toString());
                d.put("consecutiveFailures", r.consecutiveFailures());
                if (p.enabled() && r.consecutiveFailures() >= FAILURES_BEFORE_DEGRADED) {
                    status = DEGRADED.getName();
                    degraded = true;
                }
            }
            if (p.enabled() && p.baseUrl() == null) {
                status = DEGRADED.getName();
                degraded = true;
            }
            d.put("status", status);
            details.put(p.name(), d);
        }
        return Publishers.just(HealthResult.builder("providers", degraded ? DEGRADED : HealthStatus.UP)
                .details(details).build());
    }
}
