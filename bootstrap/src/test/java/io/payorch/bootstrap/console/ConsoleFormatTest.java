package io.payorch.bootstrap.console;

import io.payorch.application.merchantwebhook.PendingBacklog;
import io.payorch.bootstrap.console.ConsoleDeliveryViews.BacklogView;
import io.payorch.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rupees with Indian digit grouping, times in IST, waits and the webhook backlog, as operations read them. */
class ConsoleFormatTest {

    @Test
    void rupeesAreGroupedTheIndianWay() {
        assertEquals("₹1.00", ConsoleFormat.rupees(Money.ofPaise(100)));
        assertEquals("₹999.99", ConsoleFormat.rupees(Money.ofPaise(99_999)));
        assertEquals("₹1,000.00", ConsoleFormat.rupees(Money.ofPaise(100_000)));
        assertEquals("₹1,00,000.00", ConsoleFormat.rupees(Money.ofRupees(100_000)));
        assertEquals("₹12,34,567.50", ConsoleFormat.rupees(Money.ofPaise(123_456_750)));
        assertEquals("₹1,23,45,67,890.05", ConsoleFormat.rupees(Money.ofPaise(123_456_789_005L)));
        assertEquals("₹0.00", ConsoleFormat.rupeesOfPaise(0));
    }

    @Test
    void timesAreShownInIstWithTheUtcInstantKept() {
        Instant at = Instant.parse("2026-01-31T10:15:30Z");
        assertEquals("31 Jan 2026, 15:45:30 IST", ConsoleFormat.local(at));
        assertEquals("2026-01-31T10:15:30Z", ConsoleFormat.utc(at));
    }

    @Test
    void anIstDayFilterStartsAtIndianMidnightAndTheToDayIsInclusive() {
        assertEquals("2026-01-30T18:30:00Z", ConsoleQuery.dayStart("2026-01-31", false));
        assertEquals("2026-01-31T18:30:00Z", ConsoleQuery.dayStart("2026-01-31", true));
        assertEquals("2026-01-31T10:00:00Z", ConsoleQuery.dayStart("2026-01-31T10:00:00Z", false));
    }

    @Test
    void aWaitReadsAsPeopleSayIt() {
        assertEquals("0 s", ConsoleFormat.age(Duration.ofSeconds(-3)));
        assertEquals("45 s", ConsoleFormat.age(Duration.ofSeconds(45)));
        assertEquals("12 min", ConsoleFormat.age(Duration.ofSeconds(12 * 60 + 59)));
        assertEquals("3 h 5 min", ConsoleFormat.age(Duration.ofMinutes(185)));
        assertEquals("2 d 4 h", ConsoleFormat.age(Duration.ofHours(52).plusMinutes(30)));
    }

    @Test
    void aBacklogPastTheCountsCapSaysAtLeast() {
        Instant now = Instant.parse("2026-01-31T10:00:00Z");
        BacklogView capped = BacklogView.of(new PendingBacklog(10_000, true, now.minus(Duration.ofMinutes(90)),
                now.minusSeconds(5)), now);
        assertEquals("10,000+", capped.pending());
        assertEquals("at least 1 h 30 min", capped.oldestAge());
        assertTrue(capped.overdue(), "the earliest attempt is past due");

        BacklogView exact = BacklogView.of(new PendingBacklog(1_234, false, now.minusSeconds(30), now.plusSeconds(60)), now);
        assertEquals("1,234", exact.pending());
        assertEquals("30 s", exact.oldestAge());
        assertFalse(exact.overdue());

        BacklogView none = BacklogView.of(PendingBacklog.NONE, now);
        assertEquals("0", none.pending());
        assertNull(none.oldestAge());
        assertNull(none.earliestDue());
    }

    @Test
    void theLoginNeverRedirectsOutsideTheConsole() {
        assertEquals("/console/qrs?status=PAID", ConsoleLoginController.safeNext("/console/qrs?status=PAID"));
        assertEquals("/console", ConsoleLoginController.safeNext("https://evil.example/console"));
        assertEquals("/console", ConsoleLoginController.safeNext("//evil.example"));
        assertEquals("/console", ConsoleLoginController.safeNext("/console//evil.example"));
        assertEquals("/console", ConsoleLoginController.safeNext(null));
    }
}
