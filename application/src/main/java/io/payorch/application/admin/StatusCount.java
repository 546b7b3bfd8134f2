package io.payorch.application.admin;

/** How many QRs (or OTPs, with a null provider) are in one state. */
public record StatusCount(String provider, String status, long count) {
}
