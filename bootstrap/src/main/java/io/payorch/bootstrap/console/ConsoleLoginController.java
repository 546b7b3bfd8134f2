package io.payorch.bootstrap.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.payorch.application.port.in.ConsoleSessionsUseCase;
import io.payorch.bootstrap.security.ApiClientDirectory;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login and logout of the console. Only admin clients (payorch.security.admins) get a session; a
 * merchant's credentials are refused. The login form carries a double-submit token (a random value
 * in a SameSite=Strict cookie and in the form), so another site cannot log a browser in either.
 */
@Hidden
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ConsoleLoginController {

    private final ApiClientDirectory clients;
    private final ConsoleSessionsUseCase sessions;
    private final ConsoleSettings settings;
    private final SecureRandom random = new SecureRandom();

    ConsoleLoginController(ApiClientDirectory clients, ConsoleSessionsUseCase sessions, ConsoleSettings settings) {
        this.clients = clients;
        this.sessions = sessions;
        this.settings = settings;
    }

    @Get("/login{?next}")
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
        return page(request, HttpStatus.OK, null, next);
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(HttpRequest<?> request, @Body Map<String, String> form) {
        String presented = form.get("csrf");
        String expected = request.getCookies().findCookie(ConsoleSettings.LOGIN_COOKIE).map(Cookie::getValue).orElse(null);
        String next = safeNext(form.get("next"));
        if (presented == null || expected == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return page(request, HttpStatus.FORBIDDEN, "The login form expired or came from another site. Try again.", next);
        }
        Optional<ApiClientDirectory.ApiClient> client = clients.verify(form.get("clientId"), form.get("secret"));
        if (client.isEmpty()) {
            return page(request, HttpStatus.UNAUTHORIZED, "Unknown client id or wrong secret.", next);
        }
        if (!ApiClientDirectory.ROLE_ADMIN.equals(client.get().role())) {
            return page(request, HttpStatus.FORBIDDEN,
                    "The console is for operations staff: merchant credentials cannot sign in here.", next);
        }
        String token = sessions.start(client.get().id());
        return HttpResponse.seeOther(URI.create(next)).cookie(sessionCookie(token, false))
                .cookie(cookie(ConsoleSettings.LOGIN_COOKIE, "", "/console/login", true));
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(HttpRequest<?> request, @Body Map<String, String> form) {
        return ConsolePages.submitted(sessions, request, form, user -> {
            sessions.end(user.sessionToken());
            return HttpResponse.seeOther(URI.create("/console/login")).cookie(sessionCookie("", true));
        });
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, @Nullable String error,
                                        @Nullable String next) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, Object> model = new HashMap<>();
        model.put("nonce", ConsolePages.nonce(request));
        model.put("csrf", csrf);
        model.put("next", safeNext(next));
        model.put("error", error);
        return HttpResponse.status(status).body(new ModelAndView<>("console/login", model))
                .cookie(cookie(ConsoleSettings.LOGIN_COOKIE, csrf, "/console/login", false));
    }

    /** Only a console path of this site: never an open redirect. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("/console/login") || next.contains("\\")
                || next.contains("//") || next.length() > 1000) {
            return "/console";
        }
        return next;
    }

    private Cookie sessionCookie(String token, boolean expire) {
        return cookie(ConsoleSettings.SESSION_COOKIE, token, "/console", expire);
    }

    private Cookie cookie(String name, String value, String path, boolean expire) {
        Cookie cookie = Cookie.of(name, value).path(path).httpOnly(true).sameSite(SameSite.Strict)
                .secure(settings.isSecureCookie());
        return expire ? cookie.maxAge(0) : cookie;
    }
}
