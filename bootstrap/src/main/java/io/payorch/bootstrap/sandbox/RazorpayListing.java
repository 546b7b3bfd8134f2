package io.payorch.bootstrap.sandbox;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Razorpay's collection queries ({@code GET /v1/payments/qr_codes}, {@code .../{id}/payments}):
 * {@code count} 1 to 100 (default 10), {@code skip} (default 0), {@code from} and {@code to} as Unix
 * seconds bounding {@code created_at} (both inclusive); newest first; answered as
 * {@code {"entity": "collection", "count", "items"}}. Other parameters are refused as Razorpay refuses
 * unexpected fields.
 */
record RazorpayListing(int count, int skip, long from, long to) {

    private static final Set<String> PARAMETERS = Set.of("count", "skip", "from", "to");
    private static final int MAX_COUNT = 100;

    /** The query, or the Razorpay error that refuses it. */
    sealed interface Parsed permits Query, Refused {
    }

    record Query(RazorpayListing listing) implements Parsed {
    }

    record Refused(MutableHttpResponse<?> error) implements Parsed {
    }

    static Parsed parse(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                return refused(name + " is/are not required and should not be sent", name);
            }
        }
        long count;
        long skip;
        long from;
        long to;
        try {
            count = integer(parameters, "count", 10);
            skip = integer(parameters, "skip", 0);
            from = integer(parameters, "from", 0);
            to = integer(parameters, "to", Long.MAX_VALUE);
        } catch (NotAnInteger e) {
            return refused("The " + e.getMessage() + " must be an integer.", e.getMessage());
        }
        if (count < 1) {
            return refused("The count must be at least 1.", "count");
        }
        if (count > MAX_COUNT) {
            return refused("The count may not be greater than " + MAX_COUNT + ".", "count");
        }
        if (skip < 0) {
            return refused("The skip must be at least 0.", "skip");
        }
        if (from < 0 || to < 0) {
            return refused("The " + (from < 0 ? "from" : "to") + " must be at least 0.", from < 0 ? "from" : "to");
        }
        return new Query(new RazorpayListing((int) count, (int) Math.min(skip, Integer.MAX_VALUE), from, to));
    }

    /** One page of {@code entities}, which come newest first, as Razorpay's collection. */
    Map<String, Object> page(Stream<Map<String, Object>> entities) {
        List<Map<String, Object>> items = entities
                .filter(e -> {
                    long created = ((Number) e.get("created_at")).longValue();
                    return created >= from && created <= to;
                })
                .skip(skip).limit(count).toList();
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("entity", "collection");
        collection.put("count", items.size());
        collection.put("items", items);
        return collection;
    }

    /** The parameter as a whole number, or its default when absent. */
    private static long integer(Map<String, List<String>> parameters, String name, long absent) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return absent;
        }
        String text = values.get(0);
        if (!text.matches("-?\\d{1,18}")) {
            throw new NotAnInteger(name);
        }
        return Long.parseLong(text);
    }

    private static final class NotAnInteger extends RuntimeException {
        NotAnInteger(String parameter) {
            super(parameter, null, false, false);
        }
    }

    private static Refused refused(String description, String field) {
        return new Refused(RazorpaySimulatorController.error(HttpStatus.BAD_REQUEST, description, field));
    }
}
