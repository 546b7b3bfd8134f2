package io.payorch.bootstrap.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body strictly, for endpoints that take money: standard JSON only (no comments,
 * NaN, leading zeros or trailing garbage), no duplicate keys, bounded nesting, string and number
 * lengths; then each field is checked for its exact JSON type (a number is never taken for a
 * string), strings holding a NUL (U+0000) and unknown fields are refused. Every problem becomes a
 * 400 naming the field.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 16;
    /** PostgreSQL text cannot hold U+0000, and no field of this API has a use for it. */
    private static final char NUL = '\u0000';
    private static final String NO_NUL = "must not contain the NUL character (U+0000)";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxNumberLength(64).maxStringLength(65_536).build())
            .build();

    private StrictJson() {
    }

    /** The body as a JSON object, or a 400 naming {@code body} (or the duplicated field). */
    public static Fields object(byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidRequestException.of("body", "is required: a JSON object");
        }
        Object tree;
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw InvalidRequestException.of("body", "is required: a JSON object");
            }
            tree = read(parser, first);
            if (parser.nextToken() != null) {
                throw InvalidRequestException.of("body", "must hold exactly one JSON value");
            }
        } catch (StreamConstraintsException e) {
            throw InvalidRequestException.of("body", "is nested too deeply or holds a value that is too long");
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String field = message.substring("Duplicate field '".length(), message.indexOf('\'', 17));
                throw InvalidRequestException.of(field, "appears more than once");
            }
            throw InvalidRequestException.of("body", "is not valid JSON");
        } catch (IOException e) {
            throw InvalidRequestException.of("body", "is not valid JSON");
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw InvalidRequestException.of("body", "must be a JSON object");
        }
        return new Fields("", cast(tree));
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(parser, "unexpected token");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static String typeOf(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        return value instanceof Boolean ? "a boolean" : "a string";
    }

    /** One JSON object's fields; problems are collected, {@link #done()} throws them all at once. */
    public static final class Fields {
        private final String prefix;
        private final Map<String, Object> values;
        private final List<FieldError> errors;

        private Fields(String prefix, Map<String, Object> values) {
            this(prefix, values, new ArrayList<>());
        }

        private Fields(String prefix, Map<String, Object> values, List<FieldError> errors) {
            this.prefix = prefix;
            this.values = values;
            this.errors = errors;
        }

        /** A string field; null when absent or JSON null. */
        public String string(String name) {
            Object value = values.get(name);
            if (value instanceof String text && text.indexOf(NUL) >= 0) {
                errors.add(new FieldError(prefix + name, NO_NUL));
                return null;
            }
            if (value == null || value instanceof String) {
                return (String) value;
            }
            errors.add(new FieldError(prefix + name, "must be a string, not " + typeOf(value)));
            return null;
        }

        /**
         * A decimal given as a string or a JSON number (coordinates); the number's exact digits as
         * plain text. Numbers of absurd size are refused, not expanded.
         */
        public String decimal(String name) {
            Object value = values.get(name);
            if (value instanceof BigDecimal number) {
                if (number.precision() - number.scale() > 6 || number.scale() > 12) {
                    errors.add(new FieldError(prefix + name, "is not a plausible number"));
                    return null;
                }
                return number.toPlainString();
            }
            return string(name);
        }

        /** A nested object; null when absent or JSON null. */
        public Fields object(String name) {
            Object value = values.get(name);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?>) {
                return new Fields(prefix + name + ".", cast(value), errors);
            }
            errors.add(new FieldError(prefix + name, "must be an object, not " + typeOf(value)));
            return null;
        }

        /** An object of string values, at most {@code maxEntries}; null when absent. */
        public Map<String, String> stringMap(String name, int maxEntries, int maxKey, int maxValue) {
            Fields map = object(name);
            if (map == null) {
                return null;
            }
            if (map.values.size() > maxEntries) {
                errors.add(new FieldError(prefix + name, "must have at most " + maxEntries + " entries"));
                return null;
            }
            Map<String, String> strings = new LinkedHashMap<>();
            map.values.forEach((k, v) -> {
                if (k.isEmpty() || k.length() > maxKey) {
                    errors.add(new FieldError(prefix + name, "keys must be 1 to " + maxKey + " characters"));
                } else if (k.indexOf(NUL) >= 0) {
                    errors.add(new FieldError(prefix + name, "keys " + NO_NUL));
                } else if (v instanceof String s && s.indexOf(NUL) >= 0) {
                    errors.add(new FieldError(prefix + name + "." + k, NO_NUL));
                } else if (!(v instanceof String s)) {
                    errors.add(new FieldError(prefix + name + "." + k, "must be a string, not "
                            + (v == null ? "null" : typeOf(v))));
                } else if (s.length() > maxValue) {
                    errors.add(new FieldError(prefix + name + "." + k, "must be at most " + maxValue + " characters"));
                } else {
                    strings.put(k, s);
                }
            });
            return strings;
        }

        /** Refuses every field not in {@code known}. */
        public Fields only(Set<String> known) {
            values.keySet().stream().filter(k -> !known.contains(k)).sorted().limit(10)
                    .forEach(k -> errors.add(new FieldError(prefix + printable(k), "is not a field of this request")));
            return this;
        }

        /** @throws InvalidRequestException with every problem found so far */
        public void done() {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(List.copyOf(errors));
            }
        }

        private static String printable(String name) {
            if (name.isEmpty()) {
                return "(empty name)";
            }
            String cleaned = name.replaceAll("[^\\p{Alnum}_.$@-]", "?");
            return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
        }
    }
}
