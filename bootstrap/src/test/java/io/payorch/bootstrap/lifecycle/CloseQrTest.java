package io.payorch.bootstrap.lifecycle;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.Credentials;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Closing QRs over HTTP, merchant and admin, for a provider closed in payorch (AOPay, via its simulator). */
@MicronautTest(environments = "sandbox", transactional = false)
class CloseQrTest extends PostgresTestSupport {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @Test
    void anActiveQrIsClosedOnDemandAndClosingItAgainIs409() throws Exception {
        String id = create("AOP-CLOSE-1");

        HttpResponse<Map<String, Object>> closed = client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/qr-codes/" + id + "/close", "")), OBJECT);
        assertEquals(HttpStatus.OK, closed.getStatus());
        assertEquals("CLOSED", closed.body().get("status"));
        assertEquals("on_demand", closed.body().get("closeReason"));
        assertNotNull(closed.body().get("closedAt"));

        LifecycleRows rows = new LifecycleRows(dataSource);
        assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND from_status = 'ACTIVE'"
                + " AND to_status = 'CLOSED' AND reason = 'on_demand' AND source = 'merchant:sandbox-merchant'", id));

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/qr-codes/" + id + "/close", "")), OBJECT));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals("application/problem+json", again.getResponse().getContentType().orElseThrow().toString());
        assertEquals(1, rows.count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ? AND to_status = 'CLOSED'", id));
    }

    @Test
    void anAdminCloseIsRecordedAsAdmin() throws Exception {
        String id = create("AOP-CLOSE-2");
        HttpResponse<Map<String, Object>> closed = client.toBlocking()
                .exchange(Credentials.asAdmin(HttpRequest.POST("/admin/qr-codes/" + id + "/close", "")), OBJECT);
        assertEquals("CLOSED", closed.body().get("status"));
        assertEquals(1, new LifecycleRows(dataSource).count("SELECT count(*) FROM qr_intent_event WHERE qr_id = ?"
                + " AND to_status = 'CLOSED' AND source = 'admin:sandbox-admin'", id));
    }

    @Test
    void aFailedQrCannotBeClosedAndAnUnknownIdIs404() {
        HttpClientResponseException rejected = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/qr-codes", Map.of("registrationId", "AOP-CLOSE-REJECT", "amount", "10",
                        "provider", "AOP"))), OBJECT));
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) rejected.getResponse().getBody(OBJECT).orElseThrow()
                .get("resource")).get("id");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/qr-codes/" + id + "/close", "")), OBJECT));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());

        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(Credentials.asMerchant(HttpRequest.POST("/v1/qr-codes/qr_nosuchqr/close", "")), OBJECT));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    private String create(String registrationId) {
        HttpResponse<Map<String, Object>> created = client.toBlocking().exchange(Credentials.asMerchant(HttpRequest.POST("/v1/qr-codes",
                Map.of("registrationId", registrationId, "amount", "10.00", "provider", "AOP"))), OBJECT);
        assertEquals("ACTIVE", created.body().get("status"));
        return (String) created.body().get("id");
    }
}
