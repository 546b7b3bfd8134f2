package io.payorch.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of Indian rupees, held exactly as a count of paise. Never a floating-point number.
 *
 * <p>Parsed from plain decimal strings with at most two decimals ("10", "10.5", "10.50"); zero,
 * negatives, exponents, blanks and surrounding spaces are refused.
 */
public record Money(long paise) implements Comparable<Money> {

    /** The default upper limit of one amount: ₹1,00,000. */
    public static final Money DEFAULT_MAXIMUM = new Money(100_000_00L);

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");

    public Money {
        if (paise <= 0) {
            throw new DomainException("amount", "must be greater than zero");
        }
    }

    public static Money ofPaise(long paise) {
        return new Money(paise);
    }

    /** Whole rupees, for tests and configuration. */
    public static Money ofRupees(long rupees) {
        return new Money(Math.multiplyExact(rupees, 100L));
    }

    /** Parses a decimal rupee string with no upper limit beyond the format's own. */
    public static Money parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new DomainException("amount", "is required");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new DomainException("amount",
                    "must be a plain decimal rupee amount with at most two decimals, e.g. \"10.50\"");
        }
        long paise = new BigDecimal(text).movePointRight(2).longValueExact();
        if (paise == 0) {
            throw new DomainException("amount", "must be greater than zero");
        }
        return new Money(paise);
    }

    /** Parses and checks the configured upper limit. */
    public static Money parse(String text, Money maximum) {
        Money money = parse(text);
        if (money.compareTo(maximum) > 0) {
            throw new DomainException("amount", "must not exceed " + maximum.toDecimalString());
        }
        return money;
    }

    /** "10.00": two decimals, as UPI's {@code am} and payorch's API write it. */
    public String toDecimalString() {
        return BigDecimal.valueOf(paise, 2).toPlainString();
    }

    /** The shortest exact rupee string: "10" for ₹10, "10.5" for ₹10.50 (AOPay and BOS send this). */
    public String toRupeeString() {
        BigDecimal rupees = BigDecimal.valueOf(paise, 2).stripTrailingZeros();
        return rupees.scale() < 0 ? rupees.setScale(0).toPlainString() : rupees.toPlainString();
    }

    public boolean isWholeRupees() {
        return paise % 100 == 0;
    }

    /** Whole rupees (OQPay's integer amount); refuses an amount with paise. */
    public long toWholeRupees() {
        if (!isWholeRupees()) {
            throw new DomainException("amount", "must be a whole number of rupees");
        }
        return paise / 100;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(paise, other.paise));
    }

    /** Compares with a decimal amount as a provider may write it ("10", "10.00", "10.5"). */
    public boolean equalsDecimal(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            return new BigDecimal(text.trim()).compareTo(BigDecimal.valueOf(paise, 2)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(paise, other.paise);
    }

    @Override
    public String toString() {
        return "₹" + toDecimalString();
    }
}
