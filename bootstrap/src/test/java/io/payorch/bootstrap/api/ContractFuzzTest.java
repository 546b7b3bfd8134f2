package io.payorch.bootstrap.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.curiousoddman.rgxgen.RgxGen;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiContract;
import io.payorch.bootstrap.support.TestPostgres;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based fuzzing from the document's own schemas: for every merchant and admin operation,
 * requests whose parameters and bodies are generated from the schemas (valid ones, and ones broken
 * in one place: a missing required field, an unknown field, a wrong JSON type, a value outside its
 * pattern, enum, length or range, missing or wrong credentials). Whatever is sent, the answer is
 * never a 5xx and always matches the document ({@link ApiCalls} checks every exchange).
 * Bounded by its number of tries: 1,200 take well under a minute on a 2-core machine (400 took 17 s).
 */
class ContractFuzzTest {

    /** Strings that break parsers and databases; NUL (U+0000) is issue 16's other half. */
    private static final List<String> HOSTILE = List.of("", " ", "'; DROP TABLE qr_intent; --", "\u00e9\u20ac\ud83d\ude00",
            "1e5", "-1", "0", "NaN", "null", "<svg onload=alert(1)>", "%00", "\\u0000", "\t\r\n", "x".repeat(300),
            "9".repeat(40), "2026-13-45T99:99:99Z", "{\"a\":1}", "[]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedServer server;
    private static ApiCalls api;
    private static OpenAPI document;
    private static final ConcurrentMap<String, List<String>> IDS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, Integer> STATUSES = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() {
        Map<String, Object> properties = new HashMap<>(TestPostgres.properties());
        properties.put("micronaut.server.port", "-1");
        server = ApplicationContext.run(EmbeddedServer.class, properties, "sandbox");
        api = new ApiCalls(server.getURI());
        ParseOptions options = new ParseOptions();
        options.setResolveFully(true);
        document = new OpenAPIV3Parser().readContents(ApiContract.text(), null, options).getOpenAPI();
        IDS.put("qr", new ArrayList<>());
        IDS.put("otp", new ArrayList<>());
        for (String provider : List.of("AOP", "BOS", "RAZORPAY")) {
            IDS.get("qr").add(id(api.post("/v1/qr-codes", ApiCalls.merchant(),
                    "{\"registrationId\":\"FUZZ-1\",\"amount\":\"10.00\",\"provider\":\"" + provider + "\"}", Map.of())));
        }
        IDS.get("otp").add(id(api.post("/v1/transfer-otps", ApiCalls.merchant(), "{\"registrationId\":\"FUZZ-1\","
                + "\"remitterMobile\":\"9876543210\",\"beneficiaryId\":\"B-1\",\"transferType\":\"IMPS\",\"amount\":\"100\","
                + "\"pincode\":\"110045\",\"address\":\"Delhi\",\"dateOfBirth\":\"1990-01-01\",\"latitude\":\"28.6\","
                + "\"longitude\":\"77.2\"}", Map.of())));
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
        System.out.println("ContractFuzzTest answers by status: " + new java.util.TreeMap<>(STATUSES));
        assertTrue(STATUSES.keySet().stream().anyMatch(s -> s >= 200 && s < 300), "no request succeeded: " + STATUSES);
        assertTrue(STATUSES.keySet().stream().anyMatch(s -> s == 400), "no request was refused: " + STATUSES);
    }

    private static String id(HttpResponse<String> created) {
        try {
            assertTrue(created.statusCode() == 201, created.body());
            return JSON.readTree(created.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One documented operation: method, path template and its description. */
    record Op(String method, String path, Operation operation) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Provide
    Arbitrary<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            boolean ours = path.getKey().startsWith("/admin/")
                    || (path.getKey().startsWith("/v1/") && !path.getKey().startsWith("/v1/webhooks/"));
            if (ours) {
                path.getValue().readOperationsMap().forEach((method, operation) ->
                        ops.add(new Op(method.name(), path.getKey(), operation)));
            }
        }
        return Arbitraries.of(ops);
    }

    @Property(tries = 1200)
    void noAnswerIsA5xxAndEveryAnswerMatchesTheDocument(@ForAll("operations") Op op, @ForAll boolean valid,
                                                       @ForAll long seed) {
        Random random = new Random(seed);
        Request request = new Request(op, valid, random);
        HttpResponse<String> response = request.send();
        STATUSES.merge(response.statusCode(), 1, Integer::sum);
        assertTrue(response.statusCode() < 500, op + " " + request + " -> " + response.statusCode() + " " + response.body());
        if (valid && request.credentialsRight && response.statusCode() == 201) {
            try {
                String id = JSON.readTree(response.body()).get("id").asText();
                IDS.get(op.path().contains("transfer") ? "otp" : "qr").add(id);
            } catch (java.io.IOException e) {
                throw new AssertionError("201 without a readable id: " + response.body(), e);
            }
        }
    }

    /** One generated request: valid per the document, or broken in exactly one place. */
    static final class Request {
        private final Op op;
        private final Random random;
        private final String breakWhere;
        private String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private String authorization;
        private boolean credentialsRight = true;

        Request(Op op, boolean valid, Random random) {
            this.op = op;
            this.random = random;
            List<String> places = new ArrayList<>(List.of("credentials"));
            List<Parameter> parameters = op.operation().getParameters() == null ? List.of() : op.operation().getParameters();
            parameters.forEach(p -> places.add("parameter " + p.getName()));
            if (op.operation().getRequestBody() != null) {
                places.add("body");
            }
            breakWhere = valid ? "" : places.get(random.nextInt(places.size()));
            path = op.path();
            for (Parameter p : parameters) {
                boolean broken = breakWhere.equals("parameter " + p.getName());
                if ("path".equals(p.getIn())) {
                    path = path.replace("{" + p.getName() + "}", encode(broken ? hostile() : knownId()));
                } else if (broken || Boolean.TRUE.equals(p.getRequired()) || random.nextInt(3) == 0) {
                    String value = broken ? invalidText(p.getSchema()) : text(valid(p.getSchema(), 0));
                    if ("query".equals(p.getIn())) {
                        query.put(p.getName(), value);
                    } else if ("header".equals(p.getIn()) && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                        headers.put(p.getName(), value);
                    }
                }
            }
            if (op.operation().getRequestBody() != null) {
                Schema<?> schema = op.operation().getRequestBody().getContent().get("application/json").getSchema();
                Object value = breakWhere.equals("body") ? invalid(schema, 0) : valid(schema, 0);
                body = value instanceof String raw && breakWhere.equals("body") && random.nextBoolean() ? raw : json(value);
            }
            boolean secured = op.operation().getSecurity() != null && !op.operation().getSecurity().isEmpty();
            authorization = op.path().startsWith("/admin/") ? ApiCalls.admin()
                    : (random.nextBoolean() ? ApiCalls.merchant() : ApiCalls.admin());
            if (secured && breakWhere.equals("credentials")) {
                credentialsRight = false;
                authorization = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> ApiCalls.basic("sandbox-merchant", "wrong-secret");
                    default -> op.path().startsWith("/admin/") ? ApiCalls.merchant() : "Bearer x";
                };
            }
        }

        HttpResponse<String> send() {
            StringBuilder target = new StringBuilder(path);
            String separator = "?";
            for (Map.Entry<String, String> q : query.entrySet()) {
                target.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                separator = "&";
            }
            return "POST".equals(op.method()) ? api.post(target.toString(), authorization, body == null ? "" : body, headers)
                    : api.get(target.toString(), authorization, headers);
        }

        private String knownId() {
            List<String> ids = IDS.get(op.path().contains("transfer-otps") ? "otp" : "qr");
            return random.nextInt(8) == 0 ? "qr_does_not_exist" : ids.get(random.nextInt(ids.size()));
        }

        private String hostile() {
            return HOSTILE.get(random.nextInt(HOSTILE.size()));
        }

        /** A value the schema accepts. */
        private Object valid(Schema<?> schema, int depth) {
            if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                List<?> values = schema.getEnum().stream().filter(java.util.Objects::nonNull).toList();
                return values.get(random.nextInt(values.size()));
            }
            if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
                return valid(schema.getOneOf().get(random.nextInt(schema.getOneOf().size())), depth);
            }
            String type = schema.getType() == null ? "object" : schema.getType();
            switch (type) {
                case "integer": {
                    long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
                    long max = schema.getMaximum() == null ? 1000 : schema.getMaximum().longValue();
                    return min + (long) (random.nextDouble() * (max - min + 1));
                }
                case "number":
                    return BigDecimal.valueOf(random.nextInt(18000) - 9000, 2);
                case "boolean":
                    return random.nextBoolean();
                case "array":
                    return List.of(valid(schema.getItems(), depth + 1));
                case "string":
                    return validString(schema);
                default:
                    return validObject(schema, depth);
            }
        }

        private String validString(Schema<?> schema) {
            if (schema.getExample() != null && random.nextBoolean()) {
                return String.valueOf(schema.getExample());
            }
            if ("date-time".equals(schema.getFormat())) {
                return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 365)).toString();
            }
            if ("date".equals(schema.getFormat())) {
                return LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
            }
            if (schema.getPattern() != null) {
                return new RgxGen(unanchored(schema.getPattern())).generate(random);
            }
            int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
            int max = Math.min(schema.getMaxLength() == null ? 40 : schema.getMaxLength(), min + 40);
            StringBuilder text = new StringBuilder();
            int length = min + random.nextInt(max - min + 1);
            for (int i = 0; i < length; i++) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            }
            return text.toString();
        }

        private Map<String, Object> validObject(Schema<?> schema, int depth) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() == null) {
                return object;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (required.contains(name) || (depth < 3 && random.nextBoolean())) {
                    object.put(name, valid(property, depth + 1));
                }
            });
            return object;
        }

        /** A value the schema refuses, broken in one place. */
        private Object invalid(Schema<?> schema, int depth) {
            String type = schema.getType() == null ? "object" : schema.getType();
            if ("object".equals(type) && schema.getProperties() != null) {
                Map<String, Object> object = validObject(schema, depth);
                List<String> names = new ArrayList<>(schema.getProperties().keySet());
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                switch (random.nextInt(5)) {
                    case 0:
                        if (!required.isEmpty()) {
                            object.remove(required.get(random.nextInt(required.size())));
                            return object;
                        }
                        // fall through: nothing required, add an unknown field instead
                    case 1:
                        object.put("unknown" + random.nextInt(100), "x");
                        return object;
                    case 2:
                        return random.nextBoolean() ? "[1,2]" : "{\"registrationId\":";
                    default: {
                        String name = names.get(random.nextInt(names.size()));
                        object.put(name, invalid(schema.getProperties().get(name), depth + 1));
                        return object;
                    }
                }
            }
            return switch (random.nextInt(3)) {
                case 0 -> random.nextBoolean() ? 12345 : List.of("a");
                case 1 -> Map.of("nested", true);
                default -> invalidText(schema);
            };
        }

        /** A text the schema refuses (for parameters, always text). */
        private String invalidText(Schema<?> schema) {
            if (schema.getPattern() != null && random.nextBoolean()) {
                return new RgxGen(unanchored(schema.getPattern())).generateNotMatching(random).replace('\u0000', '?');
            }
            if (schema.getMaxLength() != null && random.nextBoolean()) {
                return "y".repeat(schema.getMaxLength() + 1);
            }
            if ("integer".equals(schema.getType())) {
                return random.nextBoolean() ? String.valueOf((schema.getMaximum() == null ? 1000
                        : schema.getMaximum().longValue()) + 1 + random.nextInt(1000)) : "12.5";
            }
            return hostile();
        }

        private static String unanchored(String pattern) {
            String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
            return p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
        }

        private static String text(Object value) {
            return String.valueOf(value);
        }

        private static String json(Object value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return (breakWhere.isEmpty() ? "valid" : "broken " + breakWhere) + " path=" + path + " query=" + query
                    + " headers=" + headers + " body=" + body;
        }
    }
}
