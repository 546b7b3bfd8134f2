package io.payorch.application.service;

import io.payorch.application.admin.Page;
import io.payorch.application.admin.SearchQuery;
import io.payorch.application.admin.PageCursor;
import io.payorch.application.admin.PageRequest;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.domain.DomainException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks admin search parameters, collecting every problem with its field, and cuts pages. */
final class SearchParameters {

    private static final int MAX_REGISTRATION_ID = 64;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private SearchParameters() {
    }

    static <T> Page<T> toPage(List<T> rows, int limit, Function<T, PageCursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }

    static PageRequest page(List<FieldError> errors, SearchQuery query) {
        PageRequest page = null;
        try {
            page = PageRequest.parse(query.limit(), query.cursor());
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return page;
    }

    static String registrationId(List<FieldError> errors, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_REGISTRATION_ID)) {
            errors.add(new FieldError("registrationId", "must be 1 to " + MAX_REGISTRATION_ID + " characters"));
            return null;
        }
        return value;
    }

    /** A merchant client id filter: letters, digits, '.', '_', '-', at most 64. */
    static String merchant(List<FieldError> errors, String value) {
        if (value != null && !CLIENT_ID.matcher(value).matches()) {
            errors.add(new FieldError("merchant", "must be a client id: 1 to 64 letters, digits, '.', '_' or '-'"));
            return null;
        }
        return value;
    }

    static Instant instant(List<FieldError> errors, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-01-31T10:15:30Z"));
            return null;
        }
    }

    /** An enum filter, spelled exactly as the API writes it (no case folding, no trimming). */
    static <T> T parse(List<FieldError> errors, String field, String value, Function<String, T> parser,
                               String message) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DomainException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }
}
