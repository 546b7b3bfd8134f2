package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Accept} ranges with wildcards ({@code image/*}, {@code application/*}, {@code *}{@code /*})
 * and q-values are honoured as RFC 9110 §12.5.1 says; only an Accept that excludes every
 * representation the endpoint has is a 406.
 */
@MicronautTest(environments = "sandbox")
class ContentNegotiationTest extends ApiTestSupport {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    String qrId;

    @BeforeAll
    void setUp() {
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"NEG-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        Matcher m = ID.matcher(created.body());
        assertTrue(m.find());
        qrId = m.group(1);
    }

    @Test
    void imageWildcardsGetTheImage() {
        for (String accept : new String[] {"image/*", "*/*", "image/png", "image/*;q=0.8, text/html;q=0.1",
                "image/webp, image/*;q=0.5"}) {
            HttpResponse<String> png = api.get("/v1/qr-codes/" + qrId + "/image.png", ApiCalls.merchant(),
                    Map.of("Accept", accept));
            assertEquals(200, png.statusCode(), accept + ": " + png.body());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""), accept);
        }
        for (String accept : new String[] {"image/*", "*/*", "image/svg+xml"}) {
            HttpResponse<String> svg = api.get("/v1/qr-codes/" + qrId + "/image.svg", ApiCalls.merchant(),
                    Map.of("Accept", accept));
            assertEquals(200, svg.statusCode(), accept + ": " + svg.body());
            assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), accept);
        }
    }

    @Test
    void applicationWildcardsGetJson() {
        for (String accept : new String[] {"application/*", "*/*", "application/json", "application/*;q=0.9",
                "text/html;q=0.9, application/*;q=0.1"}) {
            HttpResponse<String> get = api.get("/v1/qr-codes/" + qrId, ApiCalls.merchant(), Map.of("Accept", accept));
            assertEquals(200, get.statusCode(), accept + ": " + get.body());
            assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), accept);
            HttpResponse<String> admin = api.get("/admin/qr-codes?limit=1", ApiCalls.admin(), Map.of("Accept", accept));
            assertEquals(200, admin.statusCode(), accept + ": " + admin.body());
        }
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"NEG-2\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of("Accept", "application/*"));
        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void anAcceptThatExcludesEveryRepresentationIsStillA406() {
        HttpResponse<String> png = api.get("/v1/qr-codes/" + qrId + "/image.png", ApiCalls.merchant(),
                Map.of("Accept", "text/html"));
        assertEquals(406, png.statusCode(), png.body());
        HttpResponse<String> json = api.get("/v1/qr-codes/" + qrId, ApiCalls.merchant(), Map.of("Accept", "image/*"));
        assertEquals(406, json.statusCode(), json.body());
        HttpResponse<String> refused = api.get("/v1/qr-codes/" + qrId + "/image.png", ApiCalls.merchant(),
                Map.of("Accept", "image/*;q=0"));
        assertEquals(406, refused.statusCode(), refused.body());
    }
}
