package io.payorch.bootstrap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.payorch.application.port.in.ConsoleSessionsUseCase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Every console page but the login form needs a live session of an admin: without one a page
 * request is sent to the login form and anything else is refused (403). The session is looked up
 * in PostgreSQL, so this runs on the blocking executor, never the event loop. Every console answer
 * carries a Content-Security-Policy whose only script allowance is this request's nonce, and is
 * neither framed, sniffed, cached nor given a referrer outside payorch.
 */
@ServerFilter({"/console", "/console/**"})
class ConsoleSessionFilter {

    static final String NONCE = "payorch.console.nonce";

    private final ConsoleSessionsUseCase sessions;
    private final SecureRandom random = new SecureRandom();

    ConsoleSessionFilter(ConsoleSessionsUseCase sessions) {
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireSession(HttpRequest<?> request) {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        request.setAttribute(NONCE, Base64.getEncoder().encodeToString(nonce));
        String path = request.getPath();
        if (path.equals("/console/login") || path.startsWith("/console/assets/")) {
            return null;
        }
        String token = request.getCookies().findCookie(ConsoleSettings.SESSION_COOKIE).map(Cookie::getValue).orElse(null);
        var session = sessions.resume(token);
        if (session.isPresent()) {
            request.setAttribute(ConsoleUser.ATTRIBUTE,
                    new ConsoleUser(session.get().adminId(), token, sessions.formToken(token)));
            return null;
        }
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            String next = request.getUri().getRawQuery() == null ? path : path + "?" + request.getUri().getRawQuery();
            return HttpResponse.seeOther(java.net.URI.create("/console/login?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                .body("No console session: log in again at /console/login.");
    }

    @ResponseFilter
    void secureHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String nonce = request.getAttribute(NONCE, String.class).orElse("none");
        response.header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; "
                + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        // not no-referrer: with it a browser sends "Origin: null" on form posts, which the server's
        // drive-by-localhost protection refuses; same-origin gives other sites nothing either
        response.header("Referrer-Policy", "same-origin");
        response.header("Cache-Control", "no-store");
    }
}
