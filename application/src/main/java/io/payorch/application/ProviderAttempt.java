package io.payorch.application;

import io.payorch.domain.Provider;

import java.time.Instant;

/** One call to one provider for one QR, kept so operations can see how a QR was routed. */
public record ProviderAttempt(Provider provider, String outcome, Instant at, String detail) {
}
