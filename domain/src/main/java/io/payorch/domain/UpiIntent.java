package io.payorch.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A UPI deep link ({@code upi://pay?pa=...&am=...}) as a provider returned it. payorch checks it
 * before showing it to anyone: the payee address must be there and the amount must be the one asked.
 */
public record UpiIntent(String uri, Map<String, String> parameters) {

    public static UpiIntent parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new DomainException("upiIntent", "is missing");
        }
        String trimmed = uri.trim();
        if (!trimmed.regionMatches(true, 0, "upi://pay?", 0, 10)) {
            throw new DomainException("upiIntent", "is not a upi://pay link");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : trimmed.substring(10).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(key, URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new DomainException("upiIntent", "has a malformed parameter " + key);
            }
        }
        return new UpiIntent(trimmed, Map.copyOf(params));
    }

    public Optional<String> payeeAddress() {
        return Optional.ofNullable(parameters.get("pa")).filter(s -> !s.isBlank());
    }

    public Optional<String> amount() {
        return Optional.ofNullable(parameters.get("am")).filter(s -> !s.isBlank());
    }

    /**
     * Why this intent must not be shown for the expected amount, or empty when it is sound. A
     * missing {@code am} is accepted only where {@code amountRequired} is false (open-amount QRs).
     */
    public Optional<String> defectFor(Money expected, boolean amountRequired) {
        if (payeeAddress().isEmpty()) {
            return Optional.of("UPI intent has no payee address (pa)");
        }
        Optional<String> am = amount();
        if (am.isEmpty()) {
            return amountRequired ? Optional.of("UPI intent has no amount (am)") : Optional.empty();
        }
        if (expected != null && !expected.equalsDecimal(am.get())) {
            return Optional.of("UPI intent amount " + am.get() + " differs from requested "
                    + expected.toDecimalString());
        }
        return Optional.empty();
    }
}
