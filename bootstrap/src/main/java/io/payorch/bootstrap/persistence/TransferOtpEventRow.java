package io.payorch.bootstrap.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("transfer_otp_event")
record TransferOtpEventRow(@Id @GeneratedValue @Nullable Long id,
                           String otpId,
                           @Nullable String fromStatus,
                           String toStatus,
                           Instant at,
                           @Nullable String reason,
                           String source) {
}
