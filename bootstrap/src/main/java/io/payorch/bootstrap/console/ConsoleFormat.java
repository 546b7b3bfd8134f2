package io.payorch.bootstrap.console;

import io.payorch.domain.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console shows money, time and states to people. */
final class ConsoleFormat {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    private ConsoleFormat() {
    }

    /** Rupees with Indian digit grouping: ₹1,00,000.00, ₹12,34,567.50. */
    static String rupees(Money money) {
        return money == null ? "" : rupeesOfPaise(money.paise());
    }

    /** The same for a sum that may be zero (a QR's payments total). */
    static String rupeesOfPaise(long paise) {
        String sign = paise < 0 ? "-" : "";
        long abs = Math.abs(paise);
        return sign + "₹" + indianGrouping(abs / 100) + "." + String.format("%02d", abs % 100);
    }

    /** 1234567 → 12,34,567: the last three digits, then groups of two. */
    static String indianGrouping(long whole) {
        String digits = Long.toString(whole);
        if (digits.length() <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.substring(digits.length() - 3));
        int i = digits.length() - 3;
        while (i > 0) {
            int start = Math.max(0, i - 2);
            out.insert(0, digits.substring(start, i) + ",");
            i = start;
        }
        return out.toString();
    }

    /** A time in the viewer's zone (India), e.g. "31 Jan 2026, 15:45:30 IST". */
    static String local(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(IST)) + " IST";
    }

    /** The exact instant in UTC, for the hover title and the datetime attribute. */
    static String utc(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** A wait as people say it: "45 s", "12 min", "3 h 5 min", "2 d 4 h" (never negative). */
    static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** The colour class of a state; the state is always written out too (never colour alone). */
    static String tone(String status) {
        if (status == null) {
            return "neutral";
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "ACTIVE", "OTP_SENT", "REGISTRATION_OTP_SENT", "UP", "APPLIED", "ACCEPTED", "DELIVERED" -> "good";
            case "PAID", "RESOLVED" -> "done";
            case "PENDING", "UNKNOWN", "DEGRADED", "FLAGGED", "UNMATCHED", "IDLE", "HELD" -> "warn";
            case "FAILED", "REJECTED" -> "bad";
            default -> "neutral";
        };
    }
}
