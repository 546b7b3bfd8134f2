package io.payorch.bootstrap.console;

import io.payorch.application.admin.ProviderOverview;
import io.payorch.application.admin.StatusCount;
import io.payorch.application.console.Overview;
import io.payorch.application.console.ProviderActivity;
import io.payorch.bootstrap.console.ConsoleDeliveryViews.BacklogView;
import io.payorch.bootstrap.console.ConsoleViews.When;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The overview page, formatted. */
record ConsoleOverviewView(When at, List<OpenRow> openQrs, List<OpenRow> openOtps, List<ActivityRow> providers,
                           When dailyAsOf, long paymentsWaiting, BacklogView webhooks, SweepRow lastSweep) {

    static ConsoleOverviewView of(Overview o) {
        return new ConsoleOverviewView(When.of(o.at()), open(o.open().qrs()), open(o.open().transferOtps()),
                o.providers().stream().map(ActivityRow::of).toList(), When.of(o.dailyAsOf()), o.paymentsWaiting(),
                BacklogView.of(o.webhooks(), o.at()), o.lastSweep().map(s -> new SweepRow(When.of(s.at()), s.duration().toMillis() + " ms",
                        s.lag().toMillis() + " ms", s.qrsExpired(), s.otpsExpired())).orElse(null));
    }

    private static List<OpenRow> open(List<StatusCount> counts) {
        Map<String, Map<String, Long>> byProvider = new TreeMap<>();
        for (StatusCount c : counts) {
            byProvider.computeIfAbsent(c.provider() == null ? "—" : c.provider(), k -> new TreeMap<>())
                    .merge(c.status(), c.count(), Long::sum);
        }
        return byProvider.entrySet().stream().map(e -> new OpenRow(e.getKey(),
                e.getValue().entrySet().stream().map(s -> new StateCount(s.getKey(), ConsoleFormat.tone(s.getKey()),
                        ConsoleFormat.indianGrouping(s.getValue()))).toList(),
                ConsoleFormat.indianGrouping(e.getValue().values().stream().mapToLong(Long::longValue).sum()))).toList();
    }

    record OpenRow(String provider, List<StateCount> states, String total) {
    }

    record StateCount(String status, String tone, String count) {
    }

    record ActivityRow(String provider, String health, String tone, String lastHour, String lastDay,
                       List<String> topFailures, int consecutiveFailures) {
        static ActivityRow of(ProviderActivity a) {
            return new ActivityRow(a.provider(), a.health(), ConsoleFormat.tone(a.health()), rate(a.lastHour()),
                    rate(a.lastDay()), a.topFailures().stream()
                    .map(f -> f.count() + " × " + f.outcome() + (f.detail() == null ? "" : ": " + f.detail())).toList(),
                    a.consecutiveFailures());
        }

        private static String rate(ProviderActivity.Window w) {
            long permille = w.successPermille();
            return permille < 0 ? "no calls"
                    : (permille / 10) + "." + (permille % 10) + " % of " + ConsoleFormat.indianGrouping(w.attempts());
        }
    }

    record SweepRow(When at, String duration, String lag, long qrsExpired, long otpsExpired) {
    }

    /** The providers page: settings as they may be shown and the outcomes of the last calls; never a secret. */
    record ProviderSettingsRow(String name, boolean enabled, String baseUrl, String authMode, String outcomes, When lastCallAt) {
        static ProviderSettingsRow of(ProviderOverview p) {
            StringBuilder outcomes = new StringBuilder();
            new TreeMap<>(p.recentOutcomes()).forEach((k, v) -> outcomes.append(outcomes.isEmpty() ? "" : ", ")
                    .append(k).append(' ').append(v));
            return new ProviderSettingsRow(p.name(), p.enabled(), p.baseUrl() == null ? "not configured" : p.baseUrl(),
                    p.authMode(), outcomes.isEmpty() ? "no calls yet" : outcomes.toString(), When.of(p.lastCallAt()));
        }
    }
}
