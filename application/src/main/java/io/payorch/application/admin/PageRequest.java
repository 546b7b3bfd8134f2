package io.payorch.application.admin;

import io.payorch.application.InvalidRequestException;

/** Where a page starts (null: the newest) and how many items it holds (1..200). */
public record PageRequest(PageCursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest parse(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw InvalidRequestException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(cursor == null || cursor.isEmpty() ? null : PageCursor.decode(cursor), size);
    }
}
