package io.payorch.bootstrap.console;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.Credentials;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import io.payorch.bootstrap.support.WebhookApi;
import io.payorch.bootstrap.support.WebhookReceiver;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console in a real browser (headless chromium) against the sandbox on PostgreSQL:
 * login and logout, merchants refused, search, detail with image and timeline, close, resolving a
 * flagged payment, webhook deliveries (search, attempts, resend, the backlog), a forged cross-site
 * POST, and escaping.
 */
@MicronautTest(environments = "sandbox")
class ConsoleBrowserTest extends PostgresTestSupport {

    @RegisterExtension
    static final HeadlessChromium BROWSER = new HeadlessChromium();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    WebDriver driver;
    ApiCalls api;
    String base;

    @Override
    protected Map<String, String> extraProperties() {
        // webhook retries shortened so that a delivery to a failing receiver fails for good in about a second
        return Map.of("micronaut.server.port", "-1", "payorch.webhooks.retry-schedule", "300ms",
                "payorch.webhooks.poll-interval", "200ms");
    }

    @BeforeAll
    void startBrowser() throws Exception {
        base = server.getURL().toString();
        api = new ApiCalls(server.getURI());
        driver = BROWSER.start();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        BROWSER.stop();
    }

    @BeforeEach
    void signedOut() {
        driver.get(base + "/console/login");
        driver.manage().deleteAllCookies();
    }

    @Test
    void anAdminLogsInSeesTheOverviewAndLogsOut() throws Exception {
        driver.get(base + "/console/qrs");
        assertTrue(driver.getCurrentUrl().contains("/console/login"), "a page without a session leads to the login form");
        logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        assertTrue(driver.getCurrentUrl().endsWith("/console/qrs"), "back to the page asked for: " + driver.getCurrentUrl());
        Cookie session = driver.manage().getCookieNamed("payorch_console");
        assertNotNull(session, "a session cookie");
        assertTrue(session.isHttpOnly(), "HTTP-only");
        assertEquals("Strict", session.getSameSite());

        driver.get(base + "/console");
        assertEquals("Overview", driver.findElement(By.tagName("h1")).getText());
        assertTrue(text().contains("flagged payments waiting"), text());
        assertTrue(text().contains("AOP"), "provider rows");
        BROWSER.screenshot(Path.of("target", "console-overview.png"));

        submit(driver.findElement(By.cssSelector("form.logout button")));
        assertTrue(driver.getCurrentUrl().contains("/console/login"));
        driver.get(base + "/console");
        assertTrue(driver.getCurrentUrl().contains("/console/login"), "logged out: the session is gone");
    }

    @Test
    void aMerchantIsRefused() {
        driver.get(base + "/console/login");
        logIn(Credentials.MERCHANT, Credentials.MERCHANT_SECRET);
        assertTrue(driver.getCurrentUrl().contains("/console/login"));
        assertTrue(text().contains("merchant credentials cannot sign in"), text());
        assertNull(driver.manage().getCookieNamed("payorch_console"), "no session for a merchant");
        driver.get(base + "/console");
        assertTrue(driver.getCurrentUrl().contains("/console/login"));
    }

    @Test
    void searchByFilterAndByPastedIdReferenceAndUtr() throws Exception {
        String registrationId = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> first = createQr(registrationId, "1500.00", null);
        Map<String, Object> second = createQr(registrationId, "100000", null);
        createQr("OTHER-" + UUID.randomUUID().toString().substring(0, 8), "5", null);
        adminSession();

        driver.get(base + "/console/qrs");
        driver.findElement(By.id("registrationId")).sendKeys(registrationId);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status"))).selectByValue("ACTIVE");
        submit(driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        var rows = driver.findElements(By.cssSelector("table.list tbody tr"));
        assertEquals(2, rows.size(), text());
        assertTrue(rows.get(0).getText().contains(second.get("id").toString()), "newest first");
        assertTrue(rows.get(0).getText().contains("₹1,00,000.00"), rows.get(0).getText());
        assertTrue(rows.get(1).getText().contains("₹1,500.00"), rows.get(1).getText());

        paste(first.get("id").toString());
        assertTrue(driver.getCurrentUrl().endsWith("/console/qrs/" + first.get("id")), driver.getCurrentUrl());
        paste(second.get("providerReference").toString());
        assertTrue(driver.getCurrentUrl().endsWith("/console/qrs/" + second.get("id")), "by provider reference");

        String utr = "UTR" + System.nanoTime();
        Sql.update("INSERT INTO qr_payment (provider, payment_id, qr_id, amount_paise, upi_reference, event_id, received_at,"
                + " status) VALUES ('AOP', ?, ?, 150000, ?, ?, now(), 'applied')", "pay_" + utr, first.get("id"), utr, "evt_" + utr);
        paste(utr);
        assertTrue(driver.getCurrentUrl().endsWith("/console/qrs/" + first.get("id")), "by UTR");

        paste("qr_nothing_has_this_id");
        assertTrue(text().contains("Nothing has the id or reference"), text());
    }

    @Test
    void qrDetailShowsEveryFieldTheImageAndTheTimelineWithActors() throws Exception {
        Map<String, Object> qr = createQr("DETAIL-" + UUID.randomUUID().toString().substring(0, 8), "10.50", "Table 4");
        adminSession();
        driver.get(base + "/console/qrs/" + qr.get("id"));
        String page = text();
        for (String expected : new String[]{"Provider reference", qr.get("providerReference").toString(), "₹10.50", "Table 4",
                "single_use", "sandbox-merchant", "upi://pay"}) {
            assertTrue(page.contains(expected), expected + " in " + page);
        }
        WebElement image = driver.findElement(By.cssSelector("figure.qrimage img"));
        assertTrue(image.getAttribute("src").startsWith("data:image/png;base64,"));
        Number width = (Number) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
        assertEquals(240, width.intValue(), "the image loaded");
        var events = driver.findElements(By.cssSelector("ol.timeline li"));
        assertEquals(2, events.size(), page);
        assertTrue(events.get(0).getText().contains("PENDING") && events.get(0).getText().contains("by merchant:sandbox-merchant"),
                events.get(0).getText());
        assertTrue(events.get(1).getText().contains("ACTIVE") && events.get(1).getText().contains("by provider:"),
                events.get(1).getText());
        WebElement time = driver.findElement(By.cssSelector("ol.timeline time"));
        assertTrue(time.getText().endsWith("IST"), time.getText());
        assertTrue(time.getAttribute("title").endsWith("Z UTC"), "the UTC instant on hover: " + time.getAttribute("title"));
        assertTrue(text().contains("accepted"), "the provider attempt");
    }

    @Test
    void closeAsksForConfirmationThenClosesAsTheAdmin() throws Exception {
        Map<String, Object> qr = createQr("CLOSE-" + UUID.randomUUID().toString().substring(0, 8), "20", null);
        adminSession();
        driver.get(base + "/console/qrs/" + qr.get("id"));
        submit(driver.findElement(By.linkText("Close this QR…")));
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Close QR"));
        assertEquals("ACTIVE", status(qr), "nothing happens before the confirmation");
        submit(driver.findElement(By.id("confirm-close")));
        assertTrue(driver.getCurrentUrl().contains("/console/qrs/" + qr.get("id")));
        assertEquals("CLOSED", driver.findElement(By.cssSelector("h1 .status")).getText());
        assertEquals("CLOSED", status(qr));
        assertTrue(text().contains("by admin:sandbox-admin"), text());
    }

    @Test
    void aFlaggedPaymentIsResolvedWithANoteRecordedWithTheAdmin() throws Exception {
        Map<String, Object> qr = createQr("FLAG-" + UUID.randomUUID().toString().substring(0, 8), "30", null);
        String paymentId = "pay_flag_" + System.nanoTime();
        Sql.update("INSERT INTO qr_payment (provider, payment_id, qr_id, amount_paise, upi_reference, event_id, received_at,"
                + " status, flag_reason) VALUES ('AOP', ?, ?, 250000, 'UTR-FLAG', ?, ?, 'flagged', 'amount_mismatch: paid 2500.00, QR asks 30.00')",
                paymentId, qr.get("id"), "evt_" + paymentId, java.sql.Timestamp.from(Instant.now().minusSeconds(3600 * 24 * 400)));
        long id = Long.parseLong(Sql.query("SELECT id FROM qr_payment WHERE payment_id = ?", paymentId));
        adminSession();

        driver.get(base + "/console/qrs/" + qr.get("id"));
        assertTrue(driver.findElement(By.cssSelector("tr.flagged")).getText().contains("waiting for operations"));

        driver.get(base + "/console/payments");
        WebElement item = driver.findElement(By.id("payment-" + id));
        assertTrue(item.getText().contains("amount_mismatch") && item.getText().contains("₹2,500.00"), item.getText());
        item.findElement(By.tagName("textarea")).sendKeys("Refunded to the payer, ticket OPS-42");
        submit(item.findElement(By.tagName("button")));
        assertTrue(driver.findElements(By.id("payment-" + id)).isEmpty(), "no longer waiting");
        assertEquals("admin:sandbox-admin", Sql.query("SELECT resolved_by FROM qr_payment WHERE id = ?", id));
        assertEquals("Refunded to the payer, ticket OPS-42", Sql.query("SELECT resolution_note FROM qr_payment WHERE id = ?", id));
        assertEquals("flagged", Sql.query("SELECT status FROM qr_payment WHERE id = ?", id), "the flag itself is kept");
    }

    @Test
    void aFailedWebhookDeliveryIsFoundShownWithItsAttemptsAndResent() throws Exception {
        String script = "<script>alert('receiver')</script>";
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer("/console-hook", 500, script);
            Map<String, Object> endpoint = new WebhookApi(api, json).create(receiver.url("/console-hook"), "[\"qr_code.activated\"]");
            String endpointId = endpoint.get("id").toString();
            try {
                Map<String, Object> qr = createQr("HOOK-" + UUID.randomUUID().toString().substring(0, 8), "25", null);
                WebhookReceiver.await(() -> Sql.count("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ?"
                        + " AND status = 'failed'", endpointId) == 1, Duration.ofSeconds(20), "the delivery to fail twice");
                String delivery = Sql.query("SELECT id FROM webhook_delivery WHERE endpoint_id = ?", endpointId);
                adminSession();

                driver.get(base + "/console/webhook-deliveries");
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status"))).selectByValue("failed");
                driver.findElement(By.id("endpointId")).sendKeys(endpointId);
                submit(driver.findElement(By.cssSelector("form.filters button[type=submit]")));
                var rows = driver.findElements(By.cssSelector("table.list tbody tr"));
                assertEquals(1, rows.size(), text());
                assertTrue(rows.get(0).getText().contains("failed") && rows.get(0).getText().contains("qr_code.activated"),
                        rows.get(0).getText());
                submit(rows.get(0).findElement(By.linkText(delivery)));

                assertTrue(driver.getCurrentUrl().endsWith("/console/webhook-deliveries/" + delivery), driver.getCurrentUrl());
                assertEquals("failed", driver.findElement(By.cssSelector("h1 .status")).getText());
                var attempts = driver.findElements(By.cssSelector("table.attempts tbody tr"));
                assertEquals(2, attempts.size(), text());
                for (WebElement attempt : attempts) {
                    assertTrue(attempt.getText().contains("500") && attempt.getText().contains("receiver answered HTTP 500"),
                            attempt.getText());
                }
                WebElement at = driver.findElement(By.cssSelector("table.attempts time"));
                assertTrue(at.getText().endsWith("IST") && at.getAttribute("title").endsWith("Z UTC"), at.getAttribute("title"));
                assertTrue(text().contains(script), "the receiver's body shown as text: " + text());
                assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no script ran");
                assertFalse(driver.getPageSource().contains(script), "escaped in the page source");
                assertTrue(driver.findElement(By.cssSelector("pre.payload")).getText().contains(qr.get("id").toString()),
                        "the event's body");
                assertTrue(text().contains(receiver.url("/console-hook")), "the endpoint's URL");
                assertFalse(driver.getPageSource().contains(endpoint.get("secret").toString()), "never the secret");

                receiver.answer("/console-hook", 200, "{\"ok\":true}");
                submit(driver.findElement(By.id("resend")));
                assertTrue(driver.findElement(By.id("notice")).getText().startsWith("Resent"), text());
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                    d.navigate().refresh();
                    return d.findElement(By.cssSelector("h1 .status")).getText().equals("delivered");
                });
                attempts = driver.findElements(By.cssSelector("table.attempts tbody tr"));
                assertEquals(3, attempts.size(), text());
                assertTrue(attempts.get(2).getText().contains("200") && attempts.get(2).getText().contains("delivered"),
                        attempts.get(2).getText());
                BROWSER.screenshot(Path.of("target", "console-delivery.png"));

                driver.get(base + "/console/qrs/" + qr.get("id"));
                WebElement listed = driver.findElement(By.cssSelector("table.deliveries")).findElement(By.linkText(delivery));
                submit(listed);
                assertTrue(driver.getCurrentUrl().endsWith("/console/webhook-deliveries/" + delivery), "from the QR to its delivery");
            } finally {
                Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpointId);
            }
        }
    }

    @Test
    void theOverviewShowsTheWebhookBacklogAndTheAgeOfItsOldestDelivery() throws Exception {
        // a delivery waiting for 400 days to an endpoint switched off (nothing sends it meanwhile)
        String endpointId = "we_backlog_" + System.nanoTime();
        String eventId = "evt_backlog_" + System.nanoTime();
        Sql.update("INSERT INTO webhook_endpoint (id, merchant_id, url, events, enabled, secret_sealed, created_at, updated_at)"
                + " VALUES (?, 'sandbox-merchant', 'https://example.invalid/hook', ARRAY['*'], false, 'sealed', now(), now())",
                endpointId);
        Sql.update("INSERT INTO outbound_event (id, merchant_id, type, resource_id, sequence, created_at, payload)"
                + " VALUES (?, 'sandbox-merchant', 'qr_code.paid', 'qr_backlog', 1, now() - interval '400 days', '{}')", eventId);
        Sql.update("INSERT INTO webhook_delivery (event_id, endpoint_id, merchant_id, event_type, status, next_attempt_at,"
                + " created_at) VALUES (?, ?, 'sandbox-merchant', 'qr_code.paid', 'pending', now() - interval '400 days',"
                + " now() - interval '400 days')", eventId, endpointId);
        try {
            adminSession();
            driver.get(base + "/console");
            WebElement card = driver.findElement(By.id("webhook-backlog"));
            assertTrue(card.getText().contains("webhook deliveries pending") && card.getText().contains("400 d 0 h ago")
                    && card.getText().contains("(overdue)"), card.getText());
            assertTrue(Long.parseLong(card.findElement(By.className("big")).getText().replace(",", "").replace("+", "")) >= 1);
            submit(card);
            assertTrue(driver.getCurrentUrl().endsWith("/console/webhook-deliveries?status=pending"), driver.getCurrentUrl());
            assertFalse(driver.findElements(By.cssSelector("table.list tbody tr")).isEmpty(), text());
        } finally {
            Sql.update("DELETE FROM webhook_endpoint WHERE id = ?", endpointId);
            Sql.update("DELETE FROM outbound_event WHERE id = ?", eventId);
        }
    }

    @Test
    void aForgedCrossSitePostIsRefusedAndChangesNothing() throws Exception {
        Map<String, Object> qr = createQr("FORGE-" + UUID.randomUUID().toString().substring(0, 8), "40", null);
        adminSession();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = "<!DOCTYPE html><html><body><form id=f method=post action='" + base + "/console/qrs/" + qr.get("id")
                + "/close'><input name=csrf value=guessed></form><script>document.getElementById('f').submit()</script></body></html>";
        evil.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        evil.start();
        try {
            driver.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().startsWith(base + "/console/qrs/"));
            // refused by the anti-forgery token, or before it by the origin check (payorch.cors) or the
            // SameSite cookie, whichever the browser and configuration reach first
            assertTrue(text().contains("Refused") || text().contains("No console session") || text().contains("origin_not_allowed"),
                    text());
        } finally {
            evil.stop(0);
        }
        assertEquals("ACTIVE", status(qr), "the forged form changed nothing");
    }

    @Test
    void aDescriptionWithAScriptIsShownAsTextAndRunsNothing() throws Exception {
        Map<String, Object> qr = createQr("XSS-" + UUID.randomUUID().toString().substring(0, 8), "1", "<script>alert(1)</script>");
        adminSession();
        driver.get(base + "/console/qrs/" + qr.get("id"));
        assertTrue(text().contains("<script>alert(1)</script>"), "shown as text: " + text());
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no script ran");
        assertFalse(driver.getPageSource().contains("<script>alert(1)</script>"), "escaped in the page source");
    }

    @Test
    void otpPagesShowTheMobileMaskedAsTheApiDoesAndTheProvidersPageNoSecret() throws Exception {
        String body = "{\"registrationId\":\"CONSOLE-OTP\",\"remitterMobile\":\"9123456789\",\"beneficiaryId\":\"60600077\","
                + "\"transferType\":\"IMPS\",\"amount\":\"1500\",\"pincode\":\"110045\",\"address\":\"14 Janpath Lane\","
                + "\"dateOfBirth\":\"1987-03-14\",\"latitude\":\"28.6090\",\"longitude\":\"77.2362\"}";
        HttpResponse<String> created = api.post("/v1/transfer-otps", ApiCalls.merchant(), body, Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String id = json.readValue(created.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class)).get("id").toString();
        String masked = json.readValue(api.get("/admin/transfer-otps/" + id, ApiCalls.admin()).body(),
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)).get("remitterMobile").toString();
        adminSession();
        for (String page : new String[]{"/console/transfer-otps/" + id, "/console/transfer-otps?registrationId=CONSOLE-OTP"}) {
            driver.get(base + page);
            assertTrue(text().contains(masked), "masked as the admin API masks it (" + masked + "): " + text());
            for (String personal : new String[]{"9123456789", "14 Janpath Lane", "1987-03-14", "28.6090", "110045"}) {
                assertFalse(driver.getPageSource().contains(personal), personal + " on " + page);
            }
        }
        driver.get(base + "/console/providers");
        assertTrue(text().contains("/sandbox/aop"), "base URLs shown");
        for (String secret : new String[]{"sandbox-key-secret", "sandbox-client-secret", "sandbox-webhook-secret", "sandbox-secret"}) {
            assertFalse(driver.getPageSource().contains(secret), secret);
        }
    }

    @Test
    void pagesFitA360PixelScreenAndTheKeyboardReachesEverything() throws Exception {
        Map<String, Object> qr = createQr("NARROW-" + UUID.randomUUID().toString().substring(0, 8), "12345.67", null);
        adminSession();
        org.openqa.selenium.Dimension wide = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            for (String page : new String[]{"/console", "/console/qrs", "/console/qrs/" + qr.get("id"), "/console/payments",
                    "/console/providers", "/console/transfer-otps", "/console/webhook-deliveries"}) {
                driver.get(base + page);
                Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px at 360 px");
            }
        } finally {
            driver.manage().window().setSize(wide);
        }
        driver.get(base + "/console/qrs");
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("Skip to content", driver.switchTo().activeElement().getText(), "the first Tab reaches the skip link");
        driver.findElement(By.tagName("body")).click();
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("/").perform();
        assertEquals("q", driver.switchTo().activeElement().getAttribute("id"), "'/' moves to the search box (the nonce'd script ran)");
    }

    private void adminSession() {
        driver.get(base + "/console/login");
        logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        assertFalse(driver.getCurrentUrl().contains("/console/login"), text());
    }

    private void logIn(String id, String secret) {
        driver.findElement(By.id("clientId")).sendKeys(id);
        driver.findElement(By.id("secret")).sendKeys(secret);
        submit(driver.findElement(By.cssSelector("form button[type=submit]")));
    }

    /**
     * Clicks and waits for the next page: a click returns before the browser has navigated. The old
     * page is gone when asking about its root fails: stale, or (chromium, mid-navigation) "node does
     * not belong to the document".
     */
    private void submit(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    private void paste(String value) {
        driver.get(base + "/console/qrs");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys(value);
        submit(driver.findElement(By.cssSelector("form.jump button")));
    }

    private String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static String status(Map<String, Object> qr) {
        return Sql.query("SELECT status FROM qr_intent WHERE id = ?", qr.get("id"));
    }

    private Map<String, Object> createQr(String registrationId, String amount, String description) throws Exception {
        String body = "{\"registrationId\":\"" + registrationId + "\",\"amount\":\"" + amount + "\",\"provider\":\"AOP\""
                + (description == null ? "" : ",\"description\":" + json.writeValueAsString(description)) + "}";
        HttpResponse<String> response = api.post("/v1/qr-codes", ApiCalls.merchant(), body, Map.of());
        assertEquals(201, response.statusCode(), response.body());
        return json.readValue(response.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
    }
}
