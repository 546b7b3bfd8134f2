package io.payorch.domain;

/** The DMT transfer rails AOPay offers. */
public enum TransferType {
    IMPS, NEFT;

    public static TransferType parse(String text) {
        if ("IMPS".equals(text)) {
            return IMPS;
        }
        if ("NEFT".equals(text)) {
            return NEFT;
        }
        throw new DomainException("transferType", text == null ? "is required" : "must be IMPS or NEFT");
    }
}
