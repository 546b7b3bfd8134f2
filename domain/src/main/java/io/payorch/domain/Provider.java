package io.payorch.domain;

import java.util.Locale;

/** The QR providers payorch speaks to. */
public enum Provider {
    AOP, OQPAY, BOS, RAZORPAY;

    /** Parses the API's spelling ("AOP", "oqpay"); refuses anything else with the field name. */
    public static Provider parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("provider", "is required");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("provider", "must be one of AOP, OQPAY, BOS, RAZORPAY");
        }
    }
}
