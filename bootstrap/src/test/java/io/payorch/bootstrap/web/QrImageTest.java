package io.payorch.bootstrap.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QR images decode back, with ZXing, to exactly the UPI intent stored for the QR. */
@MicronautTest(environments = "sandbox")
class QrImageTest extends ApiTestSupport {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RECT = Pattern.compile(
            "<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\" fill=\"#000000\"/>");

    @Test
    void thePngDecodesToTheStoredUpiIntent() throws Exception {
        String id = createQr();
        HttpResponse<byte[]> png = api.getBytes("/v1/qr-codes/" + id + "/image.png", ApiCalls.merchant());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(300, image.getWidth());
        assertEquals(storedIntent(id), decode(image));

        HttpResponse<byte[]> large = api.getBytes("/v1/qr-codes/" + id + "/image.png?size=1024", ApiCalls.merchant());
        BufferedImage big = ImageIO.read(new ByteArrayInputStream(large.body()));
        assertEquals(1024, big.getWidth());
        assertEquals(storedIntent(id), decode(big));
    }

    @Test
    void theSvgDecodesToTheStoredUpiIntent() throws Exception {
        String id = createQr();
        HttpResponse<byte[]> svg = api.getBytes("/v1/qr-codes/" + id + "/image.svg?size=256", ApiCalls.merchant());
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"));
        String text = new String(svg.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("width=\"256\""));

        Matcher box = VIEW_BOX.matcher(text);
        assertTrue(box.find());
        int scale = 6;
        BufferedImage image = new BufferedImage(Integer.parseInt(box.group(1)) * scale,
                Integer.parseInt(box.group(2)) * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher rect = RECT.matcher(text);
        int rects = 0;
        while (rect.find()) {
            g.fillRect(Integer.parseInt(rect.group(1)) * scale, Integer.parseInt(rect.group(2)) * scale,
                    Integer.parseInt(rect.group(3)) * scale, Integer.parseInt(rect.group(4)) * scale);
            rects++;
        }
        g.dispose();
        assertTrue(rects > 50);
        assertEquals(storedIntent(id), decode(image));
    }

    @Test
    void cachingHeadersAndConditionalRequests() {
        String id = createQr();
        HttpResponse<byte[]> first = api.getBytes("/v1/qr-codes/" + id + "/image.png", ApiCalls.merchant());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String cache = first.headers().firstValue("Cache-Control").orElseThrow();
        assertTrue(cache.startsWith("private, max-age="), cache);
        assertTrue(Integer.parseInt(cache.substring("private, max-age=".length())) <= 300);

        java.net.http.HttpRequest conditional = java.net.http.HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/v1/qr-codes/" + id + "/image.png"))
                .header("Authorization", ApiCalls.merchant()).header("If-None-Match", etag).GET().build();
        try {
            HttpResponse<byte[]> notModified = java.net.http.HttpClient.newHttpClient().send(conditional,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, notModified.statusCode());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String svgEtag = api.getBytes("/v1/qr-codes/" + id + "/image.svg", ApiCalls.merchant()).headers()
                .firstValue("ETag").orElseThrow();
        assertTrue(!svgEtag.equals(etag), "each format and size has its own ETag");
    }

    @Test
    void noImageOnceNotActiveNoneForUnknownQrsAndSizesAreBounded() {
        String id = createQr();
        assertEquals(400, api.getBytes("/v1/qr-codes/" + id + "/image.png?size=127", ApiCalls.merchant()).statusCode());
        assertEquals(400, api.getBytes("/v1/qr-codes/" + id + "/image.svg?size=1025", ApiCalls.merchant()).statusCode());
        assertEquals(400, api.getBytes("/v1/qr-codes/" + id + "/image.png?size=big", ApiCalls.merchant()).statusCode());
        assertEquals(404, api.getBytes("/v1/qr-codes/qr_unknown/image.png", ApiCalls.merchant()).statusCode());
        assertEquals(401, api.getBytes("/v1/qr-codes/" + id + "/image.png", null).statusCode());

        Sql.update("UPDATE qr_intent SET status = 'EXPIRED' WHERE id = ?", id);
        HttpResponse<String> gone = api.get("/v1/qr-codes/" + id + "/image.png", ApiCalls.merchant());
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("\"code\":\"qr_not_active\""), gone.body());
        assertEquals(410, api.get("/v1/qr-codes/" + id + "/image.svg", ApiCalls.merchant()).statusCode());
    }

    @Test
    void aQrIssuedAsAProviderImagePointsAtThatImage() {
        String id = "qr_rzp_" + UUID.randomUUID().toString().substring(0, 8);
        Sql.update("INSERT INTO qr_intent (id, merchant_id, registration_id, provider, amount_paise, usage, status, provider_reference,"
                        + " image_url, expires_at, created_at, updated_at, version) VALUES (?, 'sandbox-merchant', 'RZP-IMG', 'RAZORPAY', 30000,"
                        + " 'single_use', 'ACTIVE', 'qr_HMsVL8HOpbMcjU', 'https://rzp.io/i/BWcUVrLp', ?, ?, ?, 1)",
                id, Timestamp.from(Instant.now().plusSeconds(600)), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        HttpResponse<String> conflict = api.get("/v1/qr-codes/" + id + "/image.png", ApiCalls.merchant());
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("https://rzp.io/i/BWcUVrLp"), conflict.body());
        assertTrue(conflict.body().contains("\"code\":\"qr_image_at_provider\""), conflict.body());
    }

    private String createQr() {
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"IMG-1\",\"amount\":\"149.90\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        Matcher m = ID.matcher(created.body());
        assertTrue(m.find());
        return m.group(1);
    }

    private static String storedIntent(String id) throws Exception {
        try (Connection c = Sql.connect(); PreparedStatement s = c.prepareStatement("SELECT upi_intent FROM qr_intent WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertNotNull(r.getString(1));
                return r.getString(1);
            }
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }
}
