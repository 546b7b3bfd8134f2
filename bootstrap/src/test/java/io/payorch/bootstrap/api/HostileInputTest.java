package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.HostileBodies;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

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
class HostileInputTest extends ApiTestSupport {

    /** The counts below are of the whole shared database: no scheduled sweep may add events meanwhile. */
    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep();
    }

    @Test
    void everyHostileBodyIsRefusedWith4xxAndNothingIsStored() {
        List<String> bodies = HostileBodies.forQrCodes();
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
