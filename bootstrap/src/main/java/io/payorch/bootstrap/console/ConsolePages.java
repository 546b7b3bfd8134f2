package io.payorch.bootstrap.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.admin.Page;
import io.payorch.application.port.in.ConsoleSessionsUseCase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The parts every console page shares: the model's common entries and the error pages. */
final class ConsolePages {

    private ConsolePages() {
    }

    static String nonce(HttpRequest<?> request) {
        return request.getAttribute(ConsoleSessionFilter.NONCE, String.class).orElse("");
    }

    /** A model with what the layout needs: the admin, the form token, the nonce, which page is current. */
    static Map<String, Object> model(HttpRequest<?> request, String section) {
        ConsoleUser user = ConsoleUser.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("admin", user.adminId());
        model.put("csrf", user.formToken());
        model.put("nonce", nonce(request));
        model.put("section", section);
        return model;
    }

    static MutableHttpResponse<?> render(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    static MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String title, String message) {
        Map<String, Object> model = model(request, "");
        model.put("title", title);
        model.put("message", message);
        return render(status, "console/error", model);
    }

    /**
     * A filtered list page ({@code console/<view>}, the filters as the form shows them under
     * {@code f}): one keyset page of rows with the next page's link, rendered with {@code status}, or
     * 400 with the filters' errors.
     */
    static <T> MutableHttpResponse<?> filteredPage(String view, Map<String, Object> model, Map<String, String> filters,
                                                   HttpStatus status, Function<T, ?> row, Supplier<Page<T>> search) {
        model.put("f", filters);
        try {
            Page<T> found = search.get();
            model.put("rows", found.items().stream().map(row).toList());
            model.put("next", found.nextCursor() == null ? null : ConsoleQuery.next(filters, found.nextCursor()));
            return render(status, "console/" + view, model);
        } catch (InvalidRequestException e) {
            model.put("rows", List.of());
            model.put("errors", e.errors());
            return render(HttpStatus.BAD_REQUEST, "console/" + view, model);
        }
    }

    /**
     * A state-changing form: refused (403) unless it carries the session's form token, else the
     * action, done as the signed-in admin.
     */
    static HttpResponse<?> submitted(ConsoleSessionsUseCase sessions, HttpRequest<?> request, Map<String, String> form,
                                     Function<ConsoleUser, HttpResponse<?>> action) {
        ConsoleUser user = ConsoleUser.of(request);
        return forgedForm(sessions, user, form) ? forbiddenForm(request, user) : action.apply(user);
    }

    private static boolean forgedForm(ConsoleSessionsUseCase sessions, ConsoleUser user, Map<String, String> form) {
        return !sessions.formTokenMatches(user.sessionToken(), form.get("csrf"));
    }

    /** A state-changing form without this session's anti-forgery token: refused, nothing changed. */
    private static MutableHttpResponse<?> forbiddenForm(HttpRequest<?> request, ConsoleUser user) {
        return error(request, HttpStatus.FORBIDDEN, "Refused",
                "This form did not carry this session's anti-forgery token (it may come from another site). Nothing was changed.");
    }

    static Map<String, Object> entries(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
