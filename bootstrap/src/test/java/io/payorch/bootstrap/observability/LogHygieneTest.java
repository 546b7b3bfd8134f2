package io.payorch.bootstrap.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
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
 * Runs creates (accepted, rejected, invalid), failed logins and admin reads with known secrets and
 * personal data, captures every log event of the application, and finds none of them; the access
 * lines carry the request id of their response.
 */
@MicronautTest(environments = "sandbox")
class LogHygieneTest extends PostgresTestSupport {

    private static final String MOBILE = "9876501234";
    private static final String EMAIL = "asha.rao.private@example.com";
    private static final String PROVIDER_PASSWORD = "aop-provider-password-5f3c";
    private static final String WEBHOOK_SECRET = "whsec-payorch-8e1d";
    private static final String WRONG_SECRET = "guessed-secret-77aa";
    private static final String IDEMPOTENCY_KEY = "idem-key-private-" + java.util.UUID.randomUUID();
    private static final List<String> FORBIDDEN = List.of(MOBILE, EMAIL, PROVIDER_PASSWORD, WEBHOOK_SECRET,
            WRONG_SECRET, "sandbox-secret", "sandbox-admin-secret", IDEMPOTENCY_KEY,
            ApiCalls.merchant().substring("Basic ".length()), ApiCalls.admin().substring("Basic ".length()));

    private final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.providers.aop.password", PROVIDER_PASSWORD,
                "payorch.providers.aop.webhook-secret", WEBHOOK_SECRET);
    }

    @BeforeAll
    void attach() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
    }

    @AfterAll
    void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogs() {
        ApiCalls api = new ApiCalls(URI.create(server.getURL().toString()));
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
        for (ILoggingEvent event : captured) {
            String text = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage());
            for (String forbidden : FORBIDDEN) {
                assertFalse(text.contains(forbidden), "log line holds a secret or personal data: " + event.getLoggerName());
            }
        }

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

        List<ILoggingEvent> replayLines = captured.stream()
                .filter(e -> e.getFormattedMessage().contains("replaying the stored")).toList();
        assertEquals(1, replayLines.size());
        assertTrue(replayLines.get(0).getThreadName().contains("blocking"), replayLines.get(0).getThreadName());
        assertEquals(responses.get(1).headers().firstValue("X-Request-Id").orElseThrow(),
                replayLines.get(0).getMDCPropertyMap().get("requestId"), "lines logged on the blocking executor too");
    }
}
