package io.payorch.bootstrap.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("qr_intent_event")
record QrIntentEventRow(@Id @GeneratedValue @Nullable Long id,
                        String qrId,
                        @Nullable String fromStatus,
                        String toStatus,
                        Instant at,
                        @Nullable String reason,
                        String source) {
}
