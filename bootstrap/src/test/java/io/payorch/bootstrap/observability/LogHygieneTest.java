package io.payorch.bootstrap.observability;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs creates (accepted, rejected, invalid), failed logins, admin reads, a transfer-OTP send and
 * signed Razorpay and AOPay notifications with known secrets, credentials and personal data, with
 * {@code io.payorch} and {@code io.micronaut.http} logging at DEBUG; captures every log event and
 * finds none of them, neither in the event nor in the line each of logback.xml's formats writes of it
 * (text, and JSON as in {@code prod}: one object per line); the access lines carry the request id of
 * their response, in the JSON lines too.
 */
@MicronautTest(environments = "sandbox")
class LogHygieneTest extends ApiTestSupport {

    private static final String MOBILE = "9876501234";
    private static final String EMAIL = "asha.rao.private@example.com";
    private static final String PROVIDER_PASSWORD = "aop-provider-password-5f3c";
    private static final String WEBHOOK_SECRET = "whsec-payorch-8e1d";
    private static final String WRONG_SECRET = "guessed-secret-77aa";
    private static final String IDEMPOTENCY_KEY = "idem-key-private-" + java.util.UUID.randomUUID();
    private static final String OTP_MOBILE = "9812345670";
    private static final String DATE_OF_BIRTH = "1987-03-14";
    private static final String ADDRESS = "Flat 12 Lotus Residency Dwarka";
    private static final String LATITUDE = "28.592145";
    private static final String LONGITUDE = "77.046113";
    private static final String PII_HASH_KEY = "pii-hash-key-log-test-0123456789abcdef";
    private static final String BOS_PASSWORD = "bos-password-log-9c1e";
    private static final String BOS_WEBHOOK_SECRET = "bos-whsec-log-71c2";
    private static final String RAZORPAY_PASSWORD = "rzp-key-secret-log-4b7d";
    private static final String RAZORPAY_WEBHOOK_SECRET = "rzp-whsec-log-2f9a";
    private static final String OQPAY_WEBHOOK_SECRET = "oqpay-whsec-log-3d8e";
    private static final List<String> FORBIDDEN = List.of(MOBILE, EMAIL, PROVIDER_PASSWORD, WEBHOOK_SECRET,
            WRONG_SECRET, "sandbox-secret", "sandbox-admin-secret", IDEMPOTENCY_KEY,
            ApiCalls.merchant().substring("Basic ".length()), ApiCalls.admin().substring("Basic ".length()),
            OTP_MOBILE, DATE_OF_BIRTH, ADDRESS, LATITUDE, LONGITUDE, PII_HASH_KEY, BOS_PASSWORD, BOS_WEBHOOK_SECRET,
            RAZORPAY_PASSWORD, RAZORPAY_WEBHOOK_SECRET, OQPAY_WEBHOOK_SECRET,
            "sandbox-webhook-secret", "sandbox-client-secret", "sandbox-key-secret",
            "sandbox-pii-hash-key-not-a-secret-0001");
    /** Loggers turned to DEBUG for this test, with the level each had before. */
    private static final List<String> DEBUG_LOGGERS = List.of("io.payorch", "io.micronaut.http");
    private final Map<String, ch.qos.logback.classic.Level> levels = new java.util.HashMap<>();

    private final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    @Override
    protected Map<String, String> extraProperties() {
        return Map.ofEntries(Map.entry("payorch.providers.aop.password", PROVIDER_PASSWORD),
                Map.entry("payorch.providers.aop.webhook-secret", WEBHOOK_SECRET),
                Map.entry("payorch.providers.bos.password", BOS_PASSWORD),
                Map.entry("payorch.providers.bos.webhook-secret", BOS_WEBHOOK_SECRET),
                Map.entry("payorch.providers.razorpay.password", RAZORPAY_PASSWORD),
                Map.entry("payorch.providers.razorpay.webhook-secret", RAZORPAY_WEBHOOK_SECRET),
                Map.entry("payorch.providers.oqpay.webhook-secret", OQPAY_WEBHOOK_SECRET),
                Map.entry("payorch.pii.hash-key", PII_HASH_KEY),
                Map.entry("payorch.idempotency.hash-key", PII_HASH_KEY));
    }

    /** logback.xml's two encoders, configured from the file itself: what each format writes. */
    private final Map<String, Encoder<ILoggingEvent>> formats = new java.util.LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.createDefault();

    @BeforeAll
    void configureFormats() throws JoranException {
        for (String format : List.of("text", "json")) {
            LoggerContext context = new LoggerContext();
            context.putProperty("payorch.log.format", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogHygieneTest.class.getResource("/logback.xml"));
            AsyncAppender async = (AsyncAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
            formats.put(format, ((ConsoleAppender<ILoggingEvent>) async.getAppender("OUT")).getEncoder());
        }
    }

    @BeforeAll
    void attach() {
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : DEBUG_LOGGERS) {
            levels.put(name, loggers.getLogger(name).getLevel());
            loggers.getLogger(name).setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
        Logger root = loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
    }

    @AfterAll
    void detach() {
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        levels.forEach((name, level) -> loggers.getLogger(name).setLevel(level));
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogs() throws Exception {
        String customer = ",\"customer\":{\"name\":\"Asha Rao\",\"mobile\":\"" + MOBILE + "\",\"email\":\"" + EMAIL + "\"}";
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"" + customer + "}",
                Map.of("Idempotency-Key", IDEMPOTENCY_KEY)));
        responses.add(api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"" + customer + "}",
                Map.of("Idempotency-Key", IDEMPOTENCY_KEY)));
        responses.add(api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-1-REJECT\",\"amount\":\"10.00\",\"provider\":\"AOP\"" + customer + "}", Map.of()));
        responses.add(api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG 1\",\"amount\":\"" + MOBILE + "\",\"provider\":\"AOP\"" + customer + "}", Map.of()));
        responses.add(api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-1\",\"amount\":\"10.00\",\"" + EMAIL + "\":1}", Map.of()));
        responses.add(api.post("/v1/qr-codes", ApiCalls.basic("sandbox-merchant", WRONG_SECRET),
                "{\"registrationId\":\"LOG-1\",\"amount\":\"10.00\"" + customer + "}", Map.of()));
        responses.add(api.get("/admin/providers", ApiCalls.basic("sandbox-admin", WRONG_SECRET)));
        responses.add(api.get("/admin/providers", ApiCalls.admin()));
        responses.add(api.get("/admin/qr-codes?registrationId=LOG-1", ApiCalls.admin()));
        responses.add(api.post("/v1/webhooks/aop", null, "{\"mobile\":\"" + MOBILE + "\",\"secret\":\"" + WEBHOOK_SECRET + "\"}",
                Map.of("X-Payorch-Signature", WEBHOOK_SECRET)));

        assertEquals(201, responses.get(0).statusCode(), responses.get(0).body());
        assertEquals(responses.get(0).body(), responses.get(1).body(), "replayed");
        assertEquals(422, responses.get(2).statusCode());
        assertEquals(400, responses.get(3).statusCode());
        assertEquals(400, responses.get(4).statusCode());
        assertEquals(401, responses.get(5).statusCode());
        assertEquals(401, responses.get(6).statusCode());
        for (String secret : List.of(PROVIDER_PASSWORD, WEBHOOK_SECRET, "sandbox-secret")) {
            assertFalse(responses.get(7).body().contains(secret), "admin response holds " + secret);
        }
        assertFalse(responses.get(8).body().contains(MOBILE) || responses.get(8).body().contains(EMAIL));

        List<ILoggingEvent> captured;
        synchronized (events) {
            captured = new ArrayList<>(events);
        }
        assertTrue(captured.size() >= responses.size(), "an access line per request at least");
        assertNothingForbidden(captured);

        Pattern path = Pattern.compile("^(GET|POST) (\\S+) -> (\\d{3})");
        List<String> responseIds = responses.stream().map(r -> r.headers().firstValue("X-Request-Id").orElseThrow()).toList();
        long access = 0;
        for (ILoggingEvent event : captured) {
            if (!"payorch.access".equals(event.getLoggerName())) {
                continue;
            }
            Matcher m = path.matcher(event.getFormattedMessage());
            assertTrue(m.find(), event.getFormattedMessage());
            String requestId = event.getMDCPropertyMap().get("requestId");
            assertTrue(requestId != null && !requestId.isEmpty(), "access line without request id");
            if (responseIds.contains(requestId)) {
                access++;
            }
        }
        assertEquals(responses.size(), access, "every request's access line carries its response's request id");
        for (ILoggingEvent event : captured) {
            Map<String, Object> line = jsonLine(event);
            assertEquals(event.getFormattedMessage(), line.get("message"));
            assertEquals(event.getMDCPropertyMap().get("requestId"), line.get("requestId"), "the request id, in JSON too");
        }

        List<ILoggingEvent> replayLines = captured.stream()
                .filter(e -> e.getFormattedMessage().contains("replaying the stored")).toList();
        assertEquals(1, replayLines.size());
        assertTrue(replayLines.get(0).getThreadName().contains("blocking"), replayLines.get(0).getThreadName());
        assertEquals(responses.get(1).headers().firstValue("X-Request-Id").orElseThrow(),
                replayLines.get(0).getMDCPropertyMap().get("requestId"), "lines logged on the blocking executor too");
    }

    @Test
    void debugLogsOfAnOtpSendAndSignedWebhooksHoldNoSecretOrPersonalData() throws Exception {
        int before = events.size();
        String customer = ",\"customer\":{\"name\":\"Asha Rao\",\"mobile\":\"" + MOBILE + "\",\"email\":\"" + EMAIL + "\"}";
        HttpResponse<String> qr = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-2\",\"amount\":\"10.00\",\"provider\":\"AOP\"" + customer + "}", Map.of());
        assertEquals(201, qr.statusCode(), qr.body());
        Matcher ref = Pattern.compile("\"providerReference\":\"([^\"]+)\"").matcher(qr.body());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(qr.body());
        assertTrue(ref.find() && id.find(), qr.body());

        HttpResponse<String> otp = api.post("/v1/transfer-otps", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-OTP\",\"remitterMobile\":\"" + OTP_MOBILE + "\",\"beneficiaryId\":\"60600077\","
                        + "\"transferType\":\"IMPS\",\"amount\":\"100\",\"pincode\":\"110075\",\"address\":\"" + ADDRESS
                        + "\",\"dateOfBirth\":\"" + DATE_OF_BIRTH + "\",\"latitude\":\"" + LATITUDE + "\",\"longitude\":\""
                        + LONGITUDE + "\"}", Map.of("Idempotency-Key", "log-otp-" + java.util.UUID.randomUUID()));
        assertEquals(201, otp.statusCode(), otp.body());
        HttpResponse<String> badOtp = api.post("/v1/transfer-otps", ApiCalls.merchant(),
                "{\"registrationId\":\"LOG-OTP\",\"remitterMobile\":\"" + OTP_MOBILE + "x\",\"beneficiaryId\":\"60600077\","
                        + "\"transferType\":\"IMPS\",\"amount\":\"100\",\"pincode\":\"110075\",\"address\":\"" + ADDRESS
                        + "\",\"dateOfBirth\":\"" + DATE_OF_BIRTH + "\",\"latitude\":\"" + LATITUDE + "\",\"longitude\":\""
                        + LONGITUDE + "\",\"" + EMAIL + "\":1}", Map.of());
        assertEquals(400, badOtp.statusCode(), badOtp.body());

        String aop = "{\"eventId\":\"LOG-EVT-" + id.group(1) + "\",\"event\":\"payment.success\",\"txnRefranceID\":\""
                + ref.group(1) + "\",\"amount\":\"10.00\",\"paymentId\":\"LOG-PAY-" + id.group(1)
                + "\",\"utr\":\"412345678901\",\"payerMobile\":\"" + MOBILE + "\",\"payerEmail\":\"" + EMAIL + "\"}";
        HttpResponse<String> aopHook = api.post("/v1/webhooks/aop", null, aop,
                Map.of("X-Payorch-Signature", sign(WEBHOOK_SECRET, aop)));
        assertEquals(200, aopHook.statusCode(), aopHook.body());
        assertTrue(aopHook.body().contains("\"outcome\":\"applied\""), aopHook.body());

        String razorpay = "{\"entity\":\"event\",\"event\":\"qr_code.credited\",\"payload\":{\"payment\":{\"entity\":"
                + "{\"id\":\"pay_LOG" + id.group(1).substring(3, 12) + "\",\"amount\":1000,\"currency\":\"INR\",\"email\":\""
                + EMAIL + "\",\"contact\":\"+91" + MOBILE + "\",\"acquirer_data\":{\"rrn\":\"412345678902\"}}},"
                + "\"qr_code\":{\"entity\":{\"id\":\"qr_LOGUNKNOWN\",\"notes\":{}}}}}";
        HttpResponse<String> razorpayHook = api.post("/v1/webhooks/razorpay", null, razorpay,
                Map.of("X-Razorpay-Signature", sign(RAZORPAY_WEBHOOK_SECRET, razorpay)));
        assertEquals(200, razorpayHook.statusCode(), razorpayHook.body());
        HttpResponse<String> forged = api.post("/v1/webhooks/razorpay", null, razorpay,
                Map.of("X-Razorpay-Signature", sign(RAZORPAY_PASSWORD, razorpay)));
        assertEquals(401, forged.statusCode());

        List<ILoggingEvent> captured;
        synchronized (events) {
            captured = new ArrayList<>(events.subList(before, events.size()));
        }
        assertTrue(captured.stream().anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.DEBUG
                && e.getLoggerName().startsWith("io.micronaut.http")), "DEBUG of io.micronaut.http was captured");
        assertNothingForbidden(captured);
    }

    /** The JSON line of {@code event}: one line, one object with the fields operators query. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonLine(ILoggingEvent event) throws java.io.IOException {
        String line = new String(formats.get("json").encode(event), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        Map<String, Object> object = json.readValue(line, Map.class);
        for (String field : List.of("@timestamp", "level", "logger_name", "thread_name", "message")) {
            assertTrue(object.containsKey(field), field + " in " + line);
        }
        return object;
    }

    private void assertNothingForbidden(List<ILoggingEvent> captured) {
        for (ILoggingEvent event : captured) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage()).append(' ')
                    .append(event.getMDCPropertyMap());
            formats.values().forEach(encoder ->
                    text.append(' ').append(new String(encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8)));
            for (ch.qos.logback.classic.spi.IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            for (String forbidden : FORBIDDEN) {
                assertFalse(text.toString().contains(forbidden), "log line of " + event.getLoggerName() + " at "
                        + event.getLevel() + " holds a secret or personal data: " + forbidden);
            }
        }
    }

    private static String sign(String secret, String body) {
        return io.payorch.wire.HmacSignature.sign(secret,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
