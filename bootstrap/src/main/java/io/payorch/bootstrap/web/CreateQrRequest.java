package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** Body of {@code POST /v1/qr-codes}. Amounts are decimal rupee strings. */
@Serdeable
public record CreateQrRequest(@Nullable String registrationId,
                              @Nullable String amount,
                              @Nullable String provider,
                              @Nullable String usage,
                              @Nullable Customer customer,
                              @Nullable String description,
                              @Nullable String closeBy,
                              @Nullable Map<String, String> notes) {

    @Serdeable
    public record Customer(@Nullable String name, @Nullable String mobile, @Nullable String email) {
    }
}
