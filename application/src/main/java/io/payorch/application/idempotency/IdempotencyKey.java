package io.payorch.application.idempotency;

import io.payorch.application.InvalidRequestException;

/**
 * A client's {@code Idempotency-Key} for one operation. Keys are scoped to the authenticated
 * client and the operation, so two clients (or two endpoints) never share a key.
 */
public record IdempotencyKey(String client, String operation, String key) {

    public static final int MAX_LENGTH = 255;
    public static final String FIELD = "Idempotency-Key";

    public IdempotencyKey {
        if (client == null || client.isBlank() || operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("client and operation are required");
        }
        if (key == null || key.isEmpty()) {
            throw InvalidRequestException.of(FIELD, "must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw InvalidRequestException.of(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw InvalidRequestException.of(FIELD, "must be printable ASCII without spaces");
            }
        }
    }
}
