package io.payorch.bootstrap.console;

import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.PendingBacklog;
import io.payorch.bootstrap.console.ConsoleViews.Field;
import io.payorch.bootstrap.console.ConsoleViews.When;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Merchant webhook deliveries as the console shows them; never an endpoint's secret. */
final class ConsoleDeliveryViews {

    private ConsoleDeliveryViews() {
    }

    record DeliveryRow(String id, String eventId, String type, String endpointId, String merchant, String status,
                       String tone, int attempts, String lastStatusCode, When lastAttempt, When nextAttempt,
                       When created) {
        static DeliveryRow of(DeliverySummary d) {
            return new DeliveryRow(Long.toString(d.id()), d.eventId(), d.type(), d.endpointId(), d.merchant(), d.status(),
                    ConsoleFormat.tone(d.status()), d.attempts(),
                    d.lastStatusCode() == null ? "—" : d.lastStatusCode().toString(), When.of(d.lastAttemptAt()),
                    When.of(d.nextAttemptAt()), When.of(d.createdAt()));
        }
    }

    /** One attempt: its outcome by word (and colour), the receiver's code, why it failed, what it answered. */
    record AttemptRow(int number, When at, String duration, String outcome, String tone, String statusCode,
                      String error, String body) {
        static AttemptRow of(int number, AttemptRecord a) {
            return new AttemptRow(number, When.of(a.at()), a.durationMillis() + " ms",
                    a.delivered() ? "delivered" : "failed", a.delivered() ? "good" : "bad",
                    a.statusCode() == null ? "none" : a.statusCode().toString(), a.error() == null ? "" : a.error(),
                    a.bodyExcerpt() == null ? "" : a.bodyExcerpt());
        }
    }

    static List<AttemptRow> attempts(DeliveryDetail detail) {
        List<AttemptRow> rows = new ArrayList<>();
        for (AttemptRecord a : detail.attempts()) {
            rows.add(AttemptRow.of(rows.size() + 1, a));
        }
        return rows;
    }

    static List<Field> fields(DeliveryDetail detail) {
        DeliverySummary d = detail.delivery();
        List<Field> f = new ArrayList<>();
        f.add(Field.text("Delivery", d.id()));
        f.add(Field.status("Status", d.status()));
        f.add(Field.text("Event id", d.eventId()));
        f.add(Field.text("Event type", d.type()));
        f.add(Field.text("Merchant", d.merchant()));
        f.add(Field.text("Endpoint id", d.endpointId()));
        f.add(Field.text("Endpoint URL", detail.url()));
        f.add(Field.text("Attempts", d.attempts()));
        f.add(Field.text("Last status code", d.lastStatusCode()));
        f.add(Field.time("Last attempt", d.lastAttemptAt()));
        f.add(Field.time("Next attempt", d.nextAttemptAt()));
        f.add(Field.time("Created", d.createdAt()));
        return f;
    }

    /**
     * The overview's backlog card: how many wait ("10,000+" past the count's cap), since when the
     * oldest waits ("at least" when capped: only the counted rows were looked at), the earliest due.
     */
    record BacklogView(String pending, When oldestCreated, String oldestAge, When earliestDue, boolean overdue) {
        static BacklogView of(PendingBacklog b, Instant now) {
            String pending = ConsoleFormat.indianGrouping(b.pending()) + (b.capped() ? "+" : "");
            String age = b.oldestCreatedAt() == null ? null
                    : (b.capped() ? "at least " : "") + ConsoleFormat.age(Duration.between(b.oldestCreatedAt(), now));
            return new BacklogView(pending, When.of(b.oldestCreatedAt()), age, When.of(b.earliestDueAt()),
                    b.earliestDueAt() != null && b.earliestDueAt().isBefore(now));
        }
    }
}
