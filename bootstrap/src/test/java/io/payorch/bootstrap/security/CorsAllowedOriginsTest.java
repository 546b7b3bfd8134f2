package io.payorch.bootstrap.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code payorch.cors.allowed-origins} listing two origins: those get CORS, any other a 403
 * problem. The requests are written by hand so that they can name the host a deployment is
 * reached by ({@code Host: api.payorch.example}); reached as localhost, Micronaut refuses every
 * foreign origin itself (drive-by localhost protection), and that refusal is a problem too.
 */
@MicronautTest(environments = "sandbox")
class CorsAllowedOriginsTest extends PostgresTestSupport {

    private static final String HOST = "api.payorch.example";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("payorch.cors.allowed-origins", "https://shop.example.com, https://Admin.example.com:8443/");
    }

    @Test
    void aListedOriginGetsCorsHeadersAndItsPreflightAnsweredAnyOtherIs403() throws Exception {
        Raw allowed = send("GET", "/v1/qr-codes/qr_unknown", HOST, "https://shop.example.com", "");
        assertEquals(404, allowed.status, allowed.toString());
        assertEquals("https://shop.example.com", allowed.header("access-control-allow-origin"));
        assertTrue(allowed.header("access-control-expose-headers").contains("RateLimit"), allowed.toString());
        assertEquals("Origin", allowed.header("vary"));

        Raw preflight = send("OPTIONS", "/v1/qr-codes", HOST, "https://admin.example.com:8443",
                "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, idempotency-key\r\n");
        assertEquals(204, preflight.status, preflight.toString());
        assertEquals("https://admin.example.com:8443", preflight.header("access-control-allow-origin"));
        assertTrue(preflight.header("access-control-allow-headers").contains("Idempotency-Key"), preflight.toString());
        assertTrue(preflight.header("access-control-allow-methods").contains("POST"), preflight.toString());

        for (String other : new String[]{"https://shop.example.com.evil.example", "http://shop.example.com",
                "https://admin.example.com"}) {
            Raw refused = send("GET", "/v1/qr-codes/qr_unknown", HOST, other, "");
            assertEquals(403, refused.status, other);
            assertEquals("application/problem+json", refused.header("content-type"));
            assertTrue(refused.body.contains("\"code\":\"origin_not_allowed\""), refused.toString());
            assertEquals("", refused.header("access-control-allow-origin"));
        }
        assertEquals(404, send("GET", "/v1/qr-codes/qr_unknown", HOST, "http://" + HOST, "").status,
                "payorch's own pages are same-origin");
    }

    @Test
    void reachedAsLocalhostMicronautsRefusalOfAListedOriginIsAProblemNeverAnEmptyBody() throws Exception {
        Raw refused = send("GET", "/v1/qr-codes/qr_unknown", "localhost:" + server.getPort(), "https://shop.example.com", "");
        assertEquals(403, refused.status, refused.toString());
        assertTrue(refused.body.contains("\"code\":\"origin_not_allowed\""), refused.toString());
        assertFalse(refused.body.isEmpty());
    }

    private Raw send(String method, String path, String host, String origin, String moreHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin + "\r\n"
                    + "Authorization: " + ApiCalls.merchant() + "\r\n" + moreHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(answer.substring(9, 12)), answer.substring(0, end), answer.substring(end + 4));
        }
    }

    private record Raw(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }
    }
}
