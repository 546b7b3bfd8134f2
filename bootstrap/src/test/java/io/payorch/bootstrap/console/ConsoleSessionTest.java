package io.payorch.bootstrap.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.application.testing.MutableClock;
import io.payorch.bootstrap.support.Credentials;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.bootstrap.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Console sessions over plain HTTP: cookie attributes, the idle timeout (a clock the test moves),
 * logout, anti-forgery tokens on login and on every state-changing form, the security headers, and
 * the overview's provider health.
 */
@MicronautTest(environments = "sandbox", transactional = false)
class ConsoleSessionTest extends PostgresTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    MutableClock clock;

    @Inject
    io.payorch.application.port.in.ConsoleOverviewUseCase overview;

    @Override
    protected Map<String, String> extraProperties() {
        return withoutScheduledSweep("test.mutable-clock", "true", "payorch.console.idle-timeout", "15m",
                "payorch.console.max-age", "8h");
    }

    @Test
    void loginGivesAStrictHttpOnlyCookieThatEndsAfterFifteenIdleMinutesAndAtLogout() throws Exception {
        String cookie = logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        HttpResponse<String> overview = get("/console", cookie);
        assertEquals(200, overview.statusCode(), overview.body());

        clock.advance(Duration.ofMinutes(14));
        assertEquals(200, get("/console/providers", cookie).statusCode(), "14 idle minutes: still signed in");
        clock.advance(Duration.ofMinutes(14));
        assertEquals(200, get("/console/providers", cookie).statusCode(), "each request restarts the idle time");
        clock.advance(Duration.ofMinutes(15));
        HttpResponse<String> idle = get("/console/providers", cookie);
        assertEquals(303, idle.statusCode());
        assertTrue(idle.headers().firstValue("Location").orElseThrow().startsWith("/console/login?next=%2Fconsole%2Fproviders"));

        String again = logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        String token = formToken(get("/console", again).body());
        assertEquals(403, post("/console/logout", again, "csrf=wrong").statusCode(), "logout needs the token too");
        assertEquals(303, post("/console/logout", again, "csrf=" + token).statusCode());
        assertEquals(303, get("/console", again).statusCode(), "the session is gone at logout");
    }

    @Test
    void theOverviewShowsAProviderDegradedAfterThreeFailuresWithItsSuccessRateAndReasons() throws Exception {
        java.time.Instant now = clock.instant();
        // after every attempt other tests left in the shared database, so that these are OQPAY's latest
        java.sql.Timestamp latest = new java.sql.Timestamp(Long.parseLong(Sql.query("SELECT (extract(epoch FROM"
                + " greatest(max(at), ?::timestamptz)) * 1000)::bigint FROM qr_provider_attempt", java.sql.Timestamp.from(now))));
        for (int i = 1; i <= 5; i++) {
            Sql.update("INSERT INTO qr_provider_attempt (qr_id, provider, outcome, at, detail) VALUES (?, 'OQPAY', ?, ?, ?)",
                    "qr_console_" + i, i == 1 ? "accepted" : "rejected",
                    new java.sql.Timestamp(latest.getTime() + i * 1000L), i == 1 ? "reference X1" : "console-test refusal");
        }
        overview.refreshDailyFigures(); // the scheduled job's work, done now
        String body = get("/console", logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET)).body();
        String row = body.substring(body.indexOf(">OQPAY<"), body.indexOf("</tr>", body.indexOf(">OQPAY<")));
        assertTrue(row.contains("DEGRADED") && row.contains("last 3 failed"), row);
        assertTrue(row.contains(rate("1 hour", now)), "last hour: " + row);
        assertTrue(row.contains(rate("1 day", now)), "last day: " + row);
        // this test's four refusals, and those of earlier runs on the same database within the day
        long refusals = Sql.count("SELECT count(*) FROM qr_provider_attempt WHERE provider = 'OQPAY' AND outcome = 'rejected'"
                + " AND detail = 'console-test refusal' AND at >= ?", java.sql.Timestamp.from(now.minus(Duration.ofDays(1))));
        assertTrue(refusals >= 4, "this test's own four: " + refusals);
        assertTrue(row.indexOf("<li>") == row.indexOf("<li>" + refusals + " × rejected: console-test refusal</li>"),
                "most frequent first: " + row);
    }

    /** The success figure the overview should show, counted here with SQL of its own. */
    private static String rate(String window, java.time.Instant now) {
        java.sql.Timestamp since = java.sql.Timestamp.from(now.minus(window.equals("1 hour") ? Duration.ofHours(1) : Duration.ofDays(1)));
        long all = Sql.count("SELECT count(*) FROM qr_provider_attempt WHERE provider = 'OQPAY' AND at >= ?", since);
        long ok = Sql.count("SELECT count(*) FROM qr_provider_attempt WHERE provider = 'OQPAY' AND at >= ?"
                + " AND outcome LIKE '%accepted'", since);
        long permille = ok * 1000 / all;
        return (permille / 10) + "." + (permille % 10) + " % of " + all;
    }

    @Test
    void sessionTokensAreKeptOnlyAsTheirDigest() throws Exception {
        String cookie = logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        String token = cookie.substring(cookie.indexOf('=') + 1);
        assertEquals(0, Sql.count("SELECT count(*) FROM console_session WHERE token_hash = ?", token));
        assertTrue(Sql.count("SELECT count(*) FROM console_session WHERE admin_id = ?", Credentials.ADMIN) >= 1);
    }

    @Test
    void merchantsWrongSecretsAndForeignLoginFormsGetNoSession() throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        String loginCookie = cookies(form);
        String csrf = formToken(form.body());
        HttpResponse<String> merchant = post("/console/login", loginCookie, "csrf=" + csrf + "&clientId="
                + Credentials.MERCHANT + "&secret=" + Credentials.MERCHANT_SECRET);
        assertEquals(403, merchant.statusCode());
        assertTrue(merchant.body().contains("merchant credentials cannot sign in"), merchant.body());
        assertFalse(cookies(merchant).contains("payorch_console="), "no session cookie");

        HttpResponse<String> wrong = post("/console/login", loginCookie, "csrf=" + csrf + "&clientId=" + Credentials.ADMIN
                + "&secret=nope");
        assertEquals(401, wrong.statusCode());
        assertFalse(cookies(wrong).contains("payorch_console="));

        HttpResponse<String> forged = post("/console/login", null, "csrf=" + csrf + "&clientId=" + Credentials.ADMIN
                + "&secret=" + Credentials.ADMIN_SECRET);
        assertEquals(403, forged.statusCode(), "a login form posted without its cookie (another site's form)");
        assertFalse(cookies(forged).contains("payorch_console="));
    }

    @Test
    void everyConsoleAnswerForbidsFramingAndScriptsWithoutTheNonce() throws Exception {
        String cookie = logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        for (String path : List.of("/console/login", "/console", "/console/qrs")) {
            HttpResponse<String> page = get(path, path.equals("/console/login") ? null : cookie);
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            Matcher nonce = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
            assertTrue(nonce.find(), csp);
            assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
            while (scripts.find()) {
                assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "every script carries the nonce");
            }
            assertFalse(page.body().matches("(?s).*(https?:)?//(?!www\\.thymeleaf\\.org)[a-z0-9.-]+\\.[a-z]{2,}/.*"),
                    "nothing loaded from elsewhere");
        }
    }

    @Test
    void statefulFormsWithoutTheSessionTokenAreRefused() throws Exception {
        String cookie = logIn(Credentials.ADMIN, Credentials.ADMIN_SECRET);
        HttpResponse<String> close = post("/console/qrs/qr_any/close", cookie, "csrf=forged");
        assertEquals(403, close.statusCode());
        assertTrue(close.body().contains("anti-forgery"), close.body());
        assertEquals(403, post("/console/payments/1/resolve", cookie, "note=x").statusCode());
        assertEquals(403, post("/console/qrs/qr_any/close", null, "csrf=forged").statusCode(), "no session at all");
    }

    private String logIn(String id, String secret) throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        HttpResponse<String> answer = post("/console/login", cookies(form),
                "csrf=" + formToken(form.body()) + "&clientId=" + enc(id) + "&secret=" + enc(secret) + "&next=%2Fconsole");
        assertEquals(303, answer.statusCode(), answer.body());
        String setCookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("payorch_console="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/console"), setCookie);
        assertFalse(setCookie.contains("Secure"), "the sandbox is plain HTTP (payorch.console.secure-cookie)");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String formToken(String body) {
        Matcher m = CSRF.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return get(path, cookie, null);
    }

    private HttpResponse<String> get(String path, String cookie, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookie != null && !cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (cookie != null && !cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
