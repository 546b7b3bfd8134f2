package io.payorch.bootstrap.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static io.payorch.bootstrap.support.Credentials.asMerchant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walking skeleton through every layer: POST /v1/qr-codes → PostgreSQL → AOPay over HTTP (the
 * sandbox's own simulator on this server) → the stored row → GET.
 */
@MicronautTest(environments = "sandbox")
class AopQrEndToEndTest extends PostgresTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("payorch.providers.aop.read-timeout", "3s",
                "payorch.sandbox.slow-answer-delay", "9s");
    }

    @Test
    void createsAnActiveQrThroughAopayAndReadsItBack() throws SQLException {
        HttpResponse<Map<String, Object>> created = client.toBlocking().exchange(
                asMerchant(HttpRequest.POST("/v1/qr-codes", Map.of("registrationId", "AOP-554", "amount", "10.50", "provider", "AOP"))),
                Argument.mapOf(String.class, Object.class));

        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> qr = created.body();
        assertEquals("ACTIVE", qr.get("status"));
        assertEquals("AOP", qr.get("provider"));
        assertEquals("10.50", qr.get("amount"));
        assertTrue(((String) qr.get("upiIntent")).contains("am=10.5"));
        assertNotNull(qr.get("providerReference"));
        assertNotNull(qr.get("expiresAt"));
        String id = (String) qr.get("id");

        assertEquals("ACTIVE", column(id, "status"));
        assertEquals("1050", column(id, "amount_paise"));
        assertEquals("2", count("qr_intent_event", id));

        Map<String, Object> read = client.toBlocking().retrieve(asMerchant(HttpRequest.GET("/v1/qr-codes/" + id)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(qr, read);
    }

    @Test
    void aRejectionIs422WithTheProvidersMessageAndAFailedRow() throws SQLException {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(asMerchant(HttpRequest.POST("/v1/qr-codes", Map.of("registrationId", "AOP-554-REJECT", "amount", "10",
                        "provider", "AOP"))), Argument.mapOf(String.class, Object.class)));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertEquals("provider_rejected", problem.get("code"));
        @SuppressWarnings("unchecked")
        Map<String, Object> provider = (Map<String, Object>) problem.get("provider");
        assertEquals("VPA does not exist for the account provided", provider.get("message"));
        assertEquals("400", provider.get("code"));
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) problem.get("resource")).get("id");
        assertEquals("FAILED", column(id, "status"));
    }

    @Test
    void aTimeoutIs504AndAnUnknownRow() throws SQLException {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(asMerchant(HttpRequest.POST("/v1/qr-codes", Map.of("registrationId", "AOP-554-TIMEOUT", "amount", "10",
                        "provider", "AOP"))), Argument.mapOf(String.class, Object.class)));

        assertEquals(HttpStatus.GATEWAY_TIMEOUT, e.getStatus());
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) problem.get("resource")).get("id");
        assertEquals("UNKNOWN", column(id, "status"));
    }

    @Test
    void badInputIs400NamingTheFieldAndStoresNothing() throws SQLException {
        long before = total();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(asMerchant(HttpRequest.POST("/v1/qr-codes", Map.of("registrationId", "AOP-554", "amount", "10.555"))),
                        Argument.mapOf(String.class, Object.class)));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"amount\""));
        assertEquals(before, total());
    }

    private String column(String id, String column) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM qr_intent WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private String count(String table, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE qr_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private long total() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM qr_intent")) {
            r.next();
            return r.getLong(1);
        }
    }
}
