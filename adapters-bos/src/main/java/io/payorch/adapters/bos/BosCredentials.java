package io.payorch.adapters.bos;

import java.time.Duration;
import java.util.Objects;

/**
 * How payorch gets BOS's bearer token: the token endpoint (a path under the BOS base URL, or an
 * absolute URL), the account's credentials, and how long before its stated expiry a token is no
 * longer used.
 * {@link #toString()} never shows the password.
 */
public record BosCredentials(String tokenPath, String username, String password, Duration safetyMargin) {

    public BosCredentials {
        Objects.requireNonNull(tokenPath, "tokenPath");
        Objects.requireNonNull(safetyMargin, "safetyMargin");
        if (safetyMargin.isNegative()) {
            throw new IllegalArgumentException("safetyMargin must not be negative");
        }
    }

    @Override
    public String toString() {
        return "BosCredentials[tokenPath=" + tokenPath + ", username=" + username + ", password=***, safetyMargin="
                + safetyMargin + "]";
    }
}
