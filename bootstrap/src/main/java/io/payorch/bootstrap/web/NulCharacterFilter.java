package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.payorch.application.FieldError;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * No NUL (U+0000) enters through the URL: PostgreSQL text cannot hold it and no identifier, filter
 * or token of this API contains one. A NUL in the path or in a query parameter's name or value is
 * a 400 naming it, before any route runs. JSON strings are checked by {@link StrictJson}, cursors by
 * {@code PageCursor}, each where it is decoded.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class NulCharacterFilter implements Ordered {

    static final char NUL = '\u0000';

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseNul(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.indexOf(NUL) >= 0 || path.toLowerCase(Locale.ROOT).contains("%00")) {
            return refused("path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            if (parameter.getKey().indexOf(NUL) >= 0) {
                return refused("query");
            }
            if (parameter.getValue().stream().anyMatch(v -> v.indexOf(NUL) >= 0)) {
                return refused(parameter.getKey());
            }
        }
        return null;
    }

    private static HttpResponse<?> refused(String field) {
        return Problem.invalidFields(List.of(new FieldError(field, "must not contain the NUL character (U+0000)")))
                .toResponse();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
