package io.payorch.domain;

/** The QR providers payorch speaks to. */
public enum Provider {
    AOP, OQPAY, BOS, RAZORPAY;

    /**
     * Parses the API's spelling exactly, as every enum of the API is parsed: "AOP", never "aop" or
     * " AOP"; refuses anything else with the field name.
     */
    public static Provider parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("provider", "is required");
        }
        for (Provider provider : values()) {
            if (provider.name().equals(text)) {
                return provider;
            }
        }
        throw new DomainException("provider", "must be one of AOP, OQPAY, BOS, RAZORPAY, exactly as written");
    }
}
