package io.payorch.wire;

import io.payorch.domain.DomainException;
import io.payorch.domain.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Reading fields of a parsed notification (maps, lists, strings, numbers, booleans), strictly. */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * A string or number field as text; empty when absent, null or blank. An object, array or
     * boolean where text is expected is refused, not turned into text that could match or be stored.
     */
    public static Optional<String> text(Map<String, Object> object, String key) {
        Object value = object == null ? null : object.get(key);
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof Boolean) {
            throw new DomainException(key, "must be a string or a number");
        }
        return ProviderAnswer.text(object, key);
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> object, String key) {
        if (object == null) {
            return Optional.empty();
        }
        Object value = object.get(key);
        return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /** Follows a path of nested objects: {@code object(root, "payload", "payment", "entity")}. */
    public static Optional<Map<String, Object>> object(Map<String, Object> root, String... path) {
        Optional<Map<String, Object>> current = Optional.ofNullable(root);
        for (String key : path) {
            current = current.flatMap(o -> object(o, key));
        }
        return current;
    }

    /** A whole number of paise, sent as a JSON integer (or its string); refuses fractions. */
    public static Money paise(Map<String, Object> object, String key) {
        String text = text(object, key).orElseThrow(() -> new DomainException(key, "is required"));
        try {
            return Money.ofPaise(new BigDecimal(text.trim()).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DomainException(key, "must be a whole number of paise");
        }
    }

    /** A rupee amount sent as a decimal string or number ("10", "10.50", 500, 10.5). */
    public static Money rupees(Map<String, Object> object, String key) {
        String text = text(object, key).orElseThrow(() -> new DomainException(key, "is required"));
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return Money.ofPaise(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DomainException(key, "must be a rupee amount with at most two decimals");
        }
    }
}
