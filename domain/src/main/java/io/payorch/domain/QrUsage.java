package io.payorch.domain;

/** Whether a QR accepts one payment or many. */
public enum QrUsage {
    SINGLE_USE("single_use"), MULTIPLE_USE("multiple_use");

    private final String wire;

    QrUsage(String wire) {
        this.wire = wire;
    }

    /** The API's and Razorpay's spelling. */
    public String wire() {
        return wire;
    }

    public static QrUsage parse(String text) {
        if (text == null) {
            return SINGLE_USE;
        }
        for (QrUsage usage : values()) {
            if (usage.wire.equals(text)) {
                return usage;
            }
        }
        throw new DomainException("usage", "must be single_use or multiple_use");
    }
}
