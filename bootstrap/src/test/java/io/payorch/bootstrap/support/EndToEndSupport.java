package io.payorch.bootstrap.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * An end-to-end test of {@code POST /v1/qr-codes} over real HTTP as the sandbox merchant, with the
 * providers its subclass configures ({@link WireMockEndToEndSupport} for WireMock stubs).
 */
public abstract class EndToEndSupport extends PostgresTestSupport {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    DataSource dataSource;

    protected QrRows rows;

    /** The providers' settings. */
    protected abstract Map<String, String> providerProperties();

    /**
     * The merchant the requests authenticate as (the sandbox's), configured here too so that the
     * test does not depend on the environment's credentials.
     */
    @Override
    protected final Map<String, String> extraProperties() {
        Map<String, String> all = new java.util.HashMap<>(providerProperties());
        all.put("payorch.security.merchants." + MERCHANT + ".secret", MERCHANT_SECRET);
        return all;
    }

    protected static final String MERCHANT = "sandbox-merchant";
    protected static final String MERCHANT_SECRET = "sandbox-secret";

    @BeforeEach
    void readRows() {
        rows = new QrRows(dataSource);
    }

    /** What {@code POST /v1/qr-codes} answered: status and JSON body, whether 2xx or not. */
    protected Answer create(Map<String, Object> body) {
        try {
            HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                    HttpRequest.POST("/v1/qr-codes", body).basicAuth(MERCHANT, MERCHANT_SECRET), Argument.mapOf(String.class, Object.class));
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(null));
        }
    }

    public record Answer(int status, Map<String, Object> body) {

        /** The QR: the body itself on 201, the problem's {@code resource} otherwise. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> qr() {
            return status == 201 ? body : (Map<String, Object>) body.get("resource");
        }

        @SuppressWarnings("unchecked")
        public List<String> errorFields() {
            return ((List<Map<String, Object>>) body.get("errors")).stream().map(e -> (String) e.get("field")).toList();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> provider() {
            return (Map<String, Object>) body.get("provider");
        }
    }
}
