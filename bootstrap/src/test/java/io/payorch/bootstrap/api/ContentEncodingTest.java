package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Content-Encoding}: gzip and deflate bodies are read; a body that does not match its declared
 * encoding is a 400 naming the body; an encoding payorch does not read is a 415 that says which it
 * does (RFC 9110 §15.5.16, {@code Accept-Encoding} in the answer). Nothing is stored for either.
 */
@MicronautTest(environments = "sandbox")
class ContentEncodingTest extends ApiTestSupport {

    @Test
    void gzipAndDeflateBodiesAreRead() throws IOException {
        HttpResponse<String> gzip = post(gzip(body("ENC-GZ")), "gzip");
        assertEquals(201, gzip.statusCode(), gzip.body());
        HttpResponse<String> deflate = post(deflate(body("ENC-DF")), "deflate");
        assertEquals(201, deflate.statusCode(), deflate.body());
    }

    @Test
    void aBodyThatIsNotWhatItsEncodingSaysIsA400() {
        for (String encoding : new String[] {"gzip", "deflate", "x-gzip"}) {
            String registrationId = "ENC-BAD-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> response = post(body(registrationId).getBytes(StandardCharsets.UTF_8), encoding);
            assertEquals(400, response.statusCode(), encoding + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"field\":\"body\""), response.body());
            assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", registrationId));
        }
    }

    @Test
    void anEncodingPayorchDoesNotReadIsA415NamingThoseItDoes() {
        for (String encoding : new String[] {"br", "zstd", "compress", "gzip, br", "x-unknown"}) {
            String registrationId = "ENC-UNS-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> response = post(body(registrationId).getBytes(StandardCharsets.UTF_8), encoding);
            assertEquals(415, response.statusCode(), encoding + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"code\":\"unsupported_content_encoding\""), response.body());
            assertEquals("gzip, deflate", response.headers().firstValue("Accept-Encoding").orElse(""));
            assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", registrationId));
        }
    }

    @Test
    void theBodyLimitAppliesToTheInflatedBytes() throws IOException {
        String padded = "{\"registrationId\":\"ENC-BOMB\",\"amount\":\"10.00\",\"description\":\""
                + " ".repeat(1_000_000) + "\"}";
        byte[] compressed = gzip(padded);
        assertTrue(compressed.length < 65_536, "the compressed body is under the limit: " + compressed.length);
        HttpResponse<String> response = post(compressed, "gzip");
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = 'ENC-BOMB'"));
    }

    @Test
    void identityIsTheAbsenceOfAnEncoding() {
        HttpResponse<String> response = post(body("ENC-ID").getBytes(StandardCharsets.UTF_8), "identity");
        assertEquals(201, response.statusCode(), response.body());
    }

    private HttpResponse<String> post(byte[] body, String encoding) {
        return api.postBytes("/v1/qr-codes", ApiCalls.merchant(), body,
                Map.of("Content-Type", "application/json", "Content-Encoding", encoding));
    }

    private static String body(String registrationId) {
        return "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"10.00\",\"provider\":\"AOP\"}";
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
