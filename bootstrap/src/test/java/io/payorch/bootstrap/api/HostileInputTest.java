package io.payorch.bootstrap.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At least 200 malformed or hostile bodies to POST /v1/qr-codes: each answers 4xx (a problem
 * document naming the field where there is one), never 5xx, and nothing is stored.
 */
@MicronautTest(environments = "sandbox")
class HostileInputTest extends PostgresTestSupport {

    private static final String VALID_REST = "\"amount\":\"10.00\",\"provider\":\"AOP\"";
    private static final List<String> FIELDS = List.of("registrationId", "amount", "provider", "usage", "customer",
            "description", "closeBy", "notes");

    @Inject
    EmbeddedServer server;

    ApiCalls api;

    @BeforeAll
    void setUp() {
        api = new ApiCalls(URI.create(server.getURL().toString()));
    }

    static List<String> hostileBodies() {
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

    @Test
    void everyHostileBodyIsRefusedWith4xxAndNothingIsStored() {
        List<String> bodies = hostileBodies();
        assertTrue(bodies.size() >= 200, "only " + bodies.size() + " bodies");
        long qrsBefore = Sql.count("SELECT count(*) FROM qr_intent");
        long eventsBefore = Sql.count("SELECT count(*) FROM qr_intent_event");
        long keysBefore = Sql.count("SELECT count(*) FROM idempotency_record");
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (String body : bodies) {
            HttpResponse<String> response = api.post("/v1/qr-codes", ApiCalls.merchant(), body,
                    Map.of("Idempotency-Key", "hostile-" + i++));
            int status = response.statusCode();
            if (status < 400 || status >= 500) {
                failures.add(status + " for " + abbreviate(body) + " -> " + abbreviate(response.body()));
            } else if (status == 400 && !response.body().contains("\"field\":")) {
                failures.add("400 without a field for " + abbreviate(body) + " -> " + abbreviate(response.body()));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + bodies.size());
        assertEquals(qrsBefore, Sql.count("SELECT count(*) FROM qr_intent"));
        assertEquals(eventsBefore, Sql.count("SELECT count(*) FROM qr_intent_event"));
        assertEquals(keysBefore, Sql.count("SELECT count(*) FROM idempotency_record"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        HttpResponse<String> response = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"HOST-F\",\"amount\":\"10.00\",\"usage\":[1]}", Map.of());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"field\":\"usage\""), response.body());
        HttpResponse<String> unknown = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"HOST-F\",\"amount\":\"10.00\",\"colour\":\"red\"}", Map.of());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"field\":\"colour\""), unknown.body());
        assertTrue(unknown.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
