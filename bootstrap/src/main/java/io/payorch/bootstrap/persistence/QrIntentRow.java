package io.payorch.bootstrap.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

@MappedEntity("qr_intent")
record QrIntentRow(@Id String id,
                   String registrationId,
                   @Nullable String provider,
                   @Nullable Long amountPaise,
                   String usage,
                   @Nullable String description,
                   String status,
                   @Nullable String providerReference,
                   @Nullable String upiIntent,
                   @Nullable String imageUrl,
                   @Nullable Instant expiresAt,
                   @Nullable Instant closedAt,
                   @Nullable String closeReason,
                   @Nullable String failureReason,
                   long paymentsCount,
                   long paymentsTotalPaise,
                   Instant createdAt,
                   Instant updatedAt,
                   @Version long version) {
}
