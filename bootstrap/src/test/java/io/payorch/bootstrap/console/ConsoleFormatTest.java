package io.payorch.bootstrap.console;

import io.payorch.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rupees with Indian digit grouping and times in IST, as operations read them. */
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
    void theLoginNeverRedirectsOutsideTheConsole() {
        assertEquals("/console/qrs?status=PAID", ConsoleLoginController.safeNext("/console/qrs?status=PAID"));
        assertEquals("/console", ConsoleLoginController.safeNext("https://evil.example/console"));
        assertEquals("/console", ConsoleLoginController.safeNext("//evil.example"));
        assertEquals("/console", ConsoleLoginController.safeNext("/console//evil.example"));
        assertEquals("/console", ConsoleLoginController.safeNext(null));
    }
}
