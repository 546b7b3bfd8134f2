package io.payorch.bootstrap.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

@MappedEntity("transfer_otp")
record TransferOtpRow(@Id String id,
                      String registrationId,
                      String remitterMobileMasked,
                      String remitterMobileHash,
                      String beneficiaryId,
                      String transferType,
                      long amountPaise,
                      String status,
                      @Nullable String providerState,
                      @Nullable Instant sentAt,
                      @Nullable Instant expiresAt,
                      @Nullable String failureReason,
                      Instant createdAt,
                      Instant updatedAt,
                      @Version long version,
                      @Nullable String merchantId) {
}
