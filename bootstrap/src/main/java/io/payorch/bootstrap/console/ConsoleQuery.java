package io.payorch.bootstrap.console;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The search pages' query strings: filters as typed, the next page's link, days as instants. */
final class ConsoleQuery {

    private ConsoleQuery() {
    }

    /** An HTML date input (a day in India) as the instant it starts; the "to" day is inclusive. */
    static String dayStart(@Nullable String value, boolean inclusiveEnd) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(v);
            return (inclusiveEnd ? day.plusDays(1) : day).atStartOfDay(ConsoleFormat.IST).toInstant().toString();
        } catch (DateTimeParseException e) {
            return v; // an instant, checked (and named if bad) by the search itself
        }
    }

    /** The value stripped, or null when absent or blank (an empty form field is no filter). */
    static String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The filters as the form shows them again (absent as empty), in the given order. */
    static Map<String, String> filters(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1] == null ? "" : keyValues[i + 1]);
        }
        return map;
    }

    /** The query string of the next page: the same filters (not the pasted box) and the cursor. */
    static String next(Map<String, String> filters, String cursor) {
        StringBuilder q = new StringBuilder("?");
        filters.forEach((k, v) -> {
            if (!v.isBlank() && !k.equals("q")) {
                q.append(enc(k)).append('=').append(enc(v)).append('&');
            }
        });
        return q.append("cursor=").append(enc(cursor)).toString();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
