package io.payorch.application;

import io.payorch.domain.Money;

import java.util.Objects;

/**
 * Settings of transfer OTPs, mapped from configuration at the edge.
 *
 * @param minimumAmount the smallest transfer an OTP may be asked for
 * @param maximumAmount the largest transfer an OTP may be asked for
 * @param adultAge      the age in years from which a remitter counts as an adult
 */
public record TransferOtpSettings(Money minimumAmount, Money maximumAmount, int adultAge) {
    public TransferOtpSettings {
        Objects.requireNonNull(minimumAmount, "minimumAmount");
        Objects.requireNonNull(maximumAmount, "maximumAmount");
        if (minimumAmount.compareTo(maximumAmount) > 0) {
            throw new IllegalArgumentException("minimum amount " + minimumAmount + " exceeds maximum " + maximumAmount);
        }
        if (adultAge < 1) {
            throw new IllegalArgumentException("adult age must be positive");
        }
    }
}
