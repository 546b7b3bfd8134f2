package io.payorch.application.admin;

import io.payorch.domain.Provider;
import io.payorch.domain.QrStatus;

import java.time.Instant;

/** Admin QR search; every field optional. {@code createdFrom} is inclusive, {@code createdTo} exclusive. */
public record QrFilter(QrStatus status, Provider provider, String registrationId, Instant createdFrom,
                       Instant createdTo, String merchant) {
}
