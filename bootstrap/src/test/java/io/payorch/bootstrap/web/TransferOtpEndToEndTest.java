package io.payorch.bootstrap.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.port.out.TransferOtpStore;
import io.payorch.bootstrap.support.Credentials;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.domain.StateChange;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /v1/transfer-otps → PostgreSQL → AOPay DMT over HTTP (the sandbox's own simulator on this
 * server) → the stored row → GET, for each of the page's answers and each way a call can go wrong.
 */
@MicronautTest(environments = "sandbox")
class TransferOtpEndToEndTest extends PostgresTestSupport {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    TransferOtpStore store;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.providers.dmt.read-timeout", "2s",
                "payorch.sandbox.slow-answer-delay", "5s");
    }

    static Map<String, Object> body(String registrationId, String mobile) {
        Map<String, Object> body = new HashMap<>();
        body.put("registrationId", registrationId);
        body.put("remitterMobile", mobile);
        body.put("beneficiaryId", "60600077");
        body.put("transferType", "IMPS");
        body.put("amount", "100");
        body.put("pincode", "110045");
        body.put("address", "Delhi");
        body.put("dateOfBirth", "2000-08-20");
        body.put("latitude", "28.6090");
        body.put("longitude", "77.2362");
        return body;
    }

    @Test
    void sendsAnOtpThatExpiresNinetySecondsAfterSendingAndReadsItBack() throws SQLException {
        HttpResponse<Map<String, Object>> created = client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body("AOP-554", "9876543210"))), JSON);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> otp = created.body();
        String id = (String) otp.get("id");
        assertEquals("/v1/transfer-otps/" + id, created.getHeaders().get("Location"));
        assertEquals("OTP_SENT", otp.get("status"));
        assertEquals("98XXXXXX10", otp.get("remitterMobile"));
        assertEquals("AOP-554", otp.get("registrationId"));
        assertEquals("60600077", otp.get("beneficiaryId"));
        assertEquals("IMPS", otp.get("transferType"));
        assertEquals("100.00", otp.get("amount"));
        assertTrue(((String) otp.get("providerState")).matches("\\d{9}"), String.valueOf(otp.get("providerState")));
        assertNull(otp.get("failureReason"));
        Instant sentAt = Instant.parse((String) otp.get("sentAt"));
        assertEquals(sentAt.plus(Duration.ofSeconds(90)), Instant.parse((String) otp.get("expiresAt")));

        Map<String, String> row = row(id);
        assertEquals("OTP_SENT", row.get("status"));
        assertEquals("90", secondsBetweenSentAndExpiry(id));
        assertEquals("10000", row.get("amount_paise"));
        assertEquals(otp.get("providerState"), row.get("provider_state"));
        assertEquals(List.of("null->PENDING", "PENDING->OTP_SENT"), events(id));
        List<StateChange> history = store.history(id);
        assertEquals(List.of("merchant:sandbox-merchant", "provider:DMT"), history.stream().map(StateChange::source).toList());
        assertEquals(sentAt, history.get(1).at());

        Map<String, Object> read = client.toBlocking().retrieve(Credentials.asMerchant(HttpRequest.GET("/v1/transfer-otps/" + id)), JSON);
        assertEquals(otp, read);
    }

    @Test
    void anUnregisteredRemitterGetsARegistrationOtpOnTheSameClock() throws SQLException {
        HttpResponse<Map<String, Object>> created = client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body("AOP-554", "9876540000"))), JSON);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> otp = created.body();
        String id = (String) otp.get("id");
        assertEquals("REGISTRATION_OTP_SENT", otp.get("status"));
        assertEquals("98XXXXXX00", otp.get("remitterMobile"));
        assertTrue(((String) otp.get("providerState")).matches("[0-9a-f-]{36}"));
        assertEquals(Instant.parse((String) otp.get("sentAt")).plusSeconds(90), Instant.parse((String) otp.get("expiresAt")));
        assertEquals("90", secondsBetweenSentAndExpiry(id));
        assertEquals("REGISTRATION_OTP_SENT", row(id).get("status"));
        assertEquals(List.of("null->PENDING", "PENDING->REGISTRATION_OTP_SENT"), events(id));

        assertEquals(otp, client.toBlocking().retrieve(Credentials.asMerchant(HttpRequest.GET("/v1/transfer-otps/" + id)), JSON));
    }

    @Test
    void anAuthenticationFailureIs502WithTheProvidersCodeAndAFailedRow() throws SQLException {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body("AOP-554", "9876541111"))), JSON));

        assertEquals(HttpStatus.BAD_GATEWAY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals("provider_authentication_failed", problem.get("code"));
        assertEquals(502, problem.get("status"));
        assertEquals(Map.of("name", "DMT", "code", "11", "message", "Authentication failed"), problem.get("provider"));
        String id = resourceId(problem);

        Map<String, String> row = row(id);
        assertEquals("FAILED", row.get("status"));
        assertNull(row.get("sent_at"));
        assertNull(row.get("expires_at"));
        assertTrue(row.get("failure_reason").contains("Authentication failed"));
        assertEquals(List.of("null->PENDING", "PENDING->FAILED"), events(id));

        Map<String, Object> read = client.toBlocking().retrieve(Credentials.asMerchant(HttpRequest.GET("/v1/transfer-otps/" + id)), JSON);
        assertEquals("FAILED", read.get("status"));
        assertEquals(problem.get("resource"), read);
    }

    @Test
    void aTimeoutIs504AndAnUnknownRowNeverLost() throws SQLException {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body("AOP-554-TIMEOUT", "9876543210"))), JSON));

        assertEquals(HttpStatus.GATEWAY_TIMEOUT, e.getStatus());
        Map<String, Object> problem = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals("provider_timeout", problem.get("code"));
        assertEquals("UNKNOWN", row(resourceId(problem)).get("status"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AOP-554-FAIL500", "AOP-554-GARBAGE"})
    void aServerErrorOrGarbageIs502AndAnUnknownRow(String registrationId) throws SQLException {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body(registrationId, "9876543210"))), JSON));

        assertEquals(HttpStatus.BAD_GATEWAY, e.getStatus());
        Map<String, Object> problem = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals("provider_unknown_outcome", problem.get("code"));
        String id = resourceId(problem);
        assertEquals("UNKNOWN", row(id).get("status"));
        assertEquals("UNKNOWN", client.toBlocking().retrieve(Credentials.asMerchant(HttpRequest.GET("/v1/transfer-otps/" + id)), JSON)
                .get("status"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "remitterMobile, 5876543210", "remitterMobile, 98765", "beneficiaryId, ''", "transferType, RTGS",
            "amount, 0", "amount, 25000.01", "amount, 10.555", "pincode, 1100", "address, ''",
            "dateOfBirth, 20/08/2000", "dateOfBirth, 2001-02-29", "dateOfBirth, 2015-01-01",
            "latitude, 90.5", "longitude, -180.5", "registrationId, ''"
    })
    void badInputIs400NamingTheFieldAndStoresNothing(String field, String value) throws SQLException {
        long before = total();
        Map<String, Object> body = body("AOP-554", "9876543210");
        body.put(field, value);

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body)), JSON));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        Map<String, Object> problem = e.getResponse().getBody(JSON).orElseThrow();
        assertEquals("validation_failed", problem.get("code"));
        assertEquals(List.of(field), fields(problem));
        assertEquals(before, total());
    }

    @Test
    void anEmptyBodyNamesEveryField() throws SQLException {
        long before = total();

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", Map.of())), JSON));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(List.of("registrationId", "remitterMobile", "beneficiaryId", "transferType", "amount", "pincode",
                "address", "dateOfBirth", "latitude", "longitude"), fields(e.getResponse().getBody(JSON).orElseThrow()));
        assertEquals(before, total());
    }

    @Test
    void coordinatesMayComeAsJsonNumbers() {
        Map<String, Object> body = body("AOP-554", "9876543210");
        body.put("latitude", 28.609);
        body.put("longitude", -77.2362);

        HttpResponse<Map<String, Object>> created = client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/transfer-otps", body)), JSON);

        assertEquals(HttpStatus.CREATED, created.getStatus());
    }

    @Test
    void anUnknownIdIs404() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.GET("/v1/transfer-otps/otp_nope")), JSON));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(m -> (String) m.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String resourceId(Map<String, Object> problem) {
        String id = (String) ((Map<String, Object>) problem.get("resource")).get("id");
        assertNotNull(id);
        return id;
    }

    private Map<String, String> row(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM transfer_otp WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "no row " + id);
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getString(i));
                }
                return row;
            }
        }
    }

    private String secondsBetweenSentAndExpiry(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT extract(epoch FROM expires_at - sent_at)::text FROM transfer_otp WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1).replaceAll("\\.0+$", "");
            }
        }
    }

    private List<String> events(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT coalesce(from_status, 'null') || '->' || to_status FROM transfer_otp_event WHERE otp_id = ? ORDER BY id")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                List<String> all = new java.util.ArrayList<>();
                while (r.next()) {
                    all.add(r.getString(1));
                }
                return all;
            }
        }
    }

    private long total() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM transfer_otp")) {
            r.next();
            return r.getLong(1);
        }
    }
}
