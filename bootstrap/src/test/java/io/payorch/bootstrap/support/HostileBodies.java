package io.payorch.bootstrap.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Malformed and hostile request bodies (wrong types, huge numbers, deep nesting, oversize,
 * injection strings, unknown and duplicate fields, missing fields). Every one must be refused
 * with a 4xx and store nothing.
 */
public final class HostileBodies {

    private static final String VALID_REST = "\"amount\":\"10.00\",\"provider\":\"AOP\"";
    private static final List<String> FIELDS = List.of("registrationId", "amount", "provider", "usage", "customer",
            "description", "closeBy", "notes");

    private HostileBodies() {
    }

    public static List<String> forQrCodes() {
        List<String> bodies = new ArrayList<>();
        // malformed JSON
        bodies.addAll(List.of("", " ", "{", "}", "[", "]", "{\"registrationId\":}", "{\"registrationId\" \"x\"}",
                "{'registrationId':'HOST-1','amount':'10'}", "{\"registrationId\":\"HOST-1\",}", "{,}",
                "{\"registrationId\":\"HOST-1\" /* c */}", "{\"amount\":NaN}", "{\"amount\":Infinity}", "nul", "tru",
                "{\"registrationId\":\"HOST-1\"", "\"registrationId\"", "{\"a\":\"\\uZZZZ\"}", "{\"registrationId\":\"HOST\u0000\"}",
                "\u00ef\u00bb\u00bf{}", "{\"registrationId\":\"HOST-1\"}}", "{}{}", "{\"amount\":01}", "{\"amount\":-}"));
        // not an object
        bodies.addAll(List.of("[]", "1", "\"text\"", "true", "null", "[{\"registrationId\":\"HOST-1\"}]", "{}"));
        // wrong types, field by field, with everything else valid
        List<String> wrong = List.of("123", "-1", "1.5", "true", "false", "[]", "[\"a\"]", "{}", "{\"x\":1}",
                "1e400", "99999999999999999999999999999999");
        for (String field : FIELDS) {
            for (String value : wrong) {
                if (("customer".equals(field) || "notes".equals(field)) && value.startsWith("{")) {
                    continue; // objects are their type: covered below
                }
                bodies.add(withField(field, value));
            }
        }
        // amounts that are strings but not money
        for (String amount : List.of("0", "0.00", "-10", "10.001", "1e3", "1E3", "10,00", " 10", "10 ", "ten", "NaN",
                "Infinity", "0x10", "१०", "99999999999999999999999", "100000.01", "", "+10", ".5", "10.", "--1",
                "10.5.5", "1_000")) {
            bodies.add("{\"registrationId\":\"HOST-AMT\",\"amount\":\"" + amount + "\",\"provider\":\"AOP\"}");
        }
        // injection and hostile strings where a field is strictly checked
        List<String> injections = List.of("'; DROP TABLE qr_intent; --", "\\\" OR 1=1 --", "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "%00", "\\u0000", "\\r\\nX-Injected: 1",
                "\\u202Eevil", "{{7*7}}", "$(id)", "`id`", "AOP' OR 'a'='a", "😀", "A".repeat(65), " ");
        for (String evil : injections) {
            bodies.add("{\"registrationId\":\"" + evil + "\"," + VALID_REST + "}");
            bodies.add("{\"registrationId\":\"HOST-INJ\",\"amount\":\"10.00\",\"provider\":\"" + evil + "\"}");
            bodies.add("{\"registrationId\":\"HOST-INJ\"," + VALID_REST + ",\"usage\":\"" + evil + "\"}");
            bodies.add("{\"registrationId\":\"HOST-INJ\"," + VALID_REST + ",\"closeBy\":\"" + evil + "\"}");
        }
        // unknown fields
        for (String unknown : List.of("extra", "Amount", "registrationID", "__proto__", "constructor", "id", "status",
                "upiIntent", "createdAt", "@type", "")) {
            bodies.add("{\"registrationId\":\"HOST-UNK\"," + VALID_REST + ",\"" + unknown + "\":\"x\"}");
        }
        bodies.add("{\"registrationId\":\"HOST-UNK\"," + VALID_REST + ",\"customer\":{\"name\":\"A\",\"pan\":\"ABCDE1234F\"}}");
        bodies.add("{\"registrationId\":\"HOST-UNK\"," + VALID_REST + ",\"customer\":{\"mobile\":9876543210}}");
        bodies.add("{\"registrationId\":\"HOST-UNK\"," + VALID_REST + ",\"notes\":{\"a\":{\"b\":\"c\"}}}");
        bodies.add("{\"registrationId\":\"HOST-UNK\"," + VALID_REST + ",\"notes\":{\"a\":1}}");
        // duplicate keys: ambiguous, refused
        bodies.add("{\"registrationId\":\"HOST-DUP\",\"amount\":\"10.00\",\"amount\":\"20.00\",\"provider\":\"AOP\"}");
        // deep nesting
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.add("{\"registrationId\":\"HOST-DEEP\"," + VALID_REST + ",\"notes\":" + "{\"a\":".repeat(2000) + "\"x\""
                + "}".repeat(2000) + "}");
        bodies.add("{\"registrationId\":\"HOST-DEEP\"," + VALID_REST + ",\"customer\":" + "{\"name\":".repeat(500) + "\"x\""
                + "}".repeat(500) + "}");
        // oversize
        bodies.add("{\"registrationId\":\"" + "A".repeat(70_000) + "\"," + VALID_REST + "}");
        bodies.add("{\"registrationId\":\"HOST-BIG\"," + VALID_REST + ",\"description\":\"" + "d".repeat(256) + "\"}");
        bodies.add("{\"registrationId\":\"HOST-BIG\"," + VALID_REST + ",\"description\":\"" + "d".repeat(200_000) + "\"}");
        StringBuilder notes = new StringBuilder("{\"registrationId\":\"HOST-BIG\"," + VALID_REST + ",\"notes\":{");
        for (int i = 0; i < 5000; i++) {
            notes.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        bodies.add(notes.append("}}").toString());
        bodies.add("{\"registrationId\":\"HOST-BIG\",\"amount\":\"" + "9".repeat(5000) + "\",\"provider\":\"AOP\"}");
        // missing required fields
        bodies.add("{\"amount\":\"10.00\",\"provider\":\"AOP\"}");
        bodies.add("{\"registrationId\":\"HOST-MISS\",\"provider\":\"AOP\"}");
        bodies.add("{\"registrationId\":null,\"amount\":null}");
        return bodies;
    }

    private static String withField(String field, String value) {
        Map<String, String> base = new java.util.LinkedHashMap<>();
        base.put("registrationId", "\"HOST-TYPE\"");
        base.put("amount", "\"10.00\"");
        base.put("provider", "\"AOP\"");
        base.put(field, value);
        StringBuilder json = new StringBuilder("{");
        base.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }


    /**
     * Hostile variations of a flat JSON object whose valid form is {@code valid} (field name to its
     * JSON text): malformed JSON, non-objects, each field given every wrong type in {@code wrong}
     * (per field, so that a type the field accepts can be left out), each string field given
     * injection strings (except the {@code freeText} fields, where such text is a legitimate value),
     * huge numbers, unknown fields, deep nesting and oversize bodies.
     */
    public static List<String> forObject(Map<String, String> valid, Map<String, List<String>> wrong,
                                         java.util.Set<String> freeText) {
        List<String> bodies = new ArrayList<>();
        bodies.addAll(List.of("", " ", "{", "}", "[", "]", "{\"a\":}", "{\"a\" \"x\"}", "{'a':'b'}", "{\"a\":\"b\",}",
                "{,}", "{\"a\":\"b\" /* c */}", "{\"a\":NaN}", "{\"a\":Infinity}", "nul", "tru", "{\"a\":\"b\"",
                "{\"a\":\"\\uZZZZ\"}", "\u00ef\u00bb\u00bf{}", "{\"a\":1}}", "{}{}", "{\"a\":01}", "{\"a\":-}",
                "<xml/>", "a=1&b=2", "\u0000", "\ufffd\ufffd", "[]", "1", "\"text\"", "true", "null", "[{}]"));
        bodies.add(object(valid, null, null) + "x");
        bodies.add(object(valid, null, null).replaceFirst("\\{", "{,"));
        List<String> injections = List.of("'; DROP TABLE qr_intent; --", "\\\" OR 1=1 --", "<script>alert(1)</script>",
                "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "%00", "\\u0000", "\\r\\nX-Injected: 1",
                "\\u202Eevil", "{{7*7}}", "$(id)", "`id`", "x' OR 'a'='a", "\ud83d\ude00", "A".repeat(300), " ", "",
                "\\t");
        List<String> numbers = List.of("1e400", "-1e400", "99999999999999999999999999999999", "-99999999999999999999",
                "0.0000000000000000000000001", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400));
        for (String field : valid.keySet()) {
            for (String value : wrong.getOrDefault(field, List.of())) {
                bodies.add(object(valid, field, value));
            }
            if (valid.get(field).startsWith("\"") && !freeText.contains(field)) {
                for (String evil : injections) {
                    bodies.add(object(valid, field, "\"" + evil + "\""));
                }
            }
            bodies.add(object(valid, field, "null"));
            bodies.add(objectWithout(valid, field));
        }
        for (String number : numbers) {
            bodies.add(object(valid, "amount", number));
        }
        for (String unknown : List.of("extra", "__proto__", "constructor", "@type", "", "$where", "id\\u0000")) {
            bodies.add(object(valid, unknown, "\"x\""));
        }
        String first = valid.keySet().iterator().next();
        bodies.add("{\"" + first + "\":" + valid.get(first) + ",\"" + first + "\":\"other\"}");
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.add(object(valid, "nested", "{\"a\":".repeat(200) + "1" + "}".repeat(200)));
        bodies.add(object(valid, first, "\"" + "A".repeat(70_000) + "\""));
        bodies.add(object(valid, "padding", "\"" + "p".repeat(200_000) + "\""));
        StringBuilder many = new StringBuilder(object(valid, null, null));
        many.setLength(many.length() - 1);
        for (int i = 0; i < 3000; i++) {
            many.append(",\"k").append(i).append("\":\"v\"");
        }
        bodies.add(many.append('}').toString());
        return bodies;
    }

    /** {@code valid} as a JSON object, with {@code field} set to {@code value} (added when new). */
    public static String object(Map<String, String> valid, String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(valid);
        if (field != null) {
            fields.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static String objectWithout(Map<String, String> valid, String field) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(valid);
        fields.remove(field);
        return object(fields, null, null);
    }
}
