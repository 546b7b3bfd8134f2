package io.payorch.bootstrap.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.Credentials;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole sends (sent, registration, authentication failure, timeout) leave no date of birth,
 * address, coordinates or unmasked mobile in any stored column of the OTP or its events, nor in
 * anything logged while they ran — with payorch's and Micronaut's HTTP loggers at DEBUG.
 */
@MicronautTest(environments = "sandbox")
class TransferOtpPersonalDataTest extends PostgresTestSupport {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final String ADDRESS = "14 Janpath Lane, Connaught Place";
    private static final String[] LOGGERS = {"io.payorch", "io.micronaut.http"};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Level> previousLevels = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.providers.dmt.read-timeout", "2s", "payorch.sandbox.slow-answer-delay", "4s");
    }

    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        for (String name : LOGGERS) {
            previousLevels.add(context.getLogger(name).getLevel());
            context.getLogger(name).setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        for (int i = 0; i < LOGGERS.length; i++) {
            context.getLogger(LOGGERS[i]).setLevel(previousLevels.get(i));
        }
        captured.stop();
    }

    private static Map<String, Object> body(String registrationId, String mobile) {
        Map<String, Object> body = TransferOtpEndToEndTest.body(registrationId, mobile);
        body.put("address", ADDRESS);
        body.put("dateOfBirth", "1987-03-14");
        body.put("latitude", "12.97194");
        body.put("longitude", "77.59369");
        return body;
    }

    @Test
    void noPersonalDataIsStoredOrLoggedForAnyOutcome() throws SQLException {
        List<String> ids = new ArrayList<>();
        ids.add(id(client.toBlocking().retrieve(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body("AOP-9", "9123456789"))), JSON)));
        ids.add(id(client.toBlocking().retrieve(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body("AOP-9", "9123450000"))), JSON)));
        ids.add(failedId(body("AOP-9", "9123451111")));
        ids.add(failedId(body("AOP-9-TIMEOUT", "9123456789")));

        StringBuilder stored = new StringBuilder();
        for (String id : ids) {
            stored.append(columns("SELECT * FROM transfer_otp WHERE id = ?", id));
            stored.append(columns("SELECT * FROM transfer_otp_event WHERE otp_id = ?", id));
        }
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent event : captured.list) {
            logged.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logged.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }

        // the checks can fail: the rows and the log lines about these sends are really there
        assertTrue(stored.toString().contains("91XXXXXX89"), stored::toString);
        assertTrue(stored.toString().contains("Authentication failed"), stored::toString);
        ids.forEach(id -> assertTrue(logged.toString().contains(id), () -> "no log line for " + id + ":\n" + logged));
        for (String where : List.of("stored", "logged")) {
            String text = where.equals("stored") ? stored.toString() : logged.toString();
            for (String personal : List.of("9123456789", "9123450000", "9123451111", "1987-03-14", "14/03/1987",
                    ADDRESS, "Janpath", "12.97194", "77.59369")) {
                assertFalse(text.contains(personal), () -> where + " text contains " + personal + ":\n" + text);
            }
        }
        assertEquals(4, ids.stream().distinct().count());
    }

    private static String id(Map<String, Object> resource) {
        return (String) resource.get("id");
    }

    @SuppressWarnings("unchecked")
    private String failedId(Map<String, Object> body) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body)), JSON));
        return (String) ((Map<String, Object>) e.getResponse().getBody(JSON).orElseThrow().get("resource")).get("id");
    }

    private String columns(String sql, String id) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                int rows = 0;
                while (r.next()) {
                    rows++;
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        all.append(r.getMetaData().getColumnName(i)).append('=').append(r.getString(i)).append('\n');
                    }
                }
                assertTrue(rows > 0, "nothing stored for " + id);
            }
        }
        return all.toString();
    }
}
