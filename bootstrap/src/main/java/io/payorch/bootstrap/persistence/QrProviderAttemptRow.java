package io.payorch.bootstrap.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("qr_provider_attempt")
record QrProviderAttemptRow(@Id @GeneratedValue @Nullable Long id,
                            String qrId,
                            String provider,
                            String outcome,
                            Instant at,
                            @Nullable String detail) {
}
