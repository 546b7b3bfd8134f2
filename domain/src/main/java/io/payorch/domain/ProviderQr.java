package io.payorch.domain;

import java.time.Instant;
import java.util.Objects;

/** What a provider issued for a QR request, in payorch's terms. */
public record ProviderQr(Provider provider, String providerReference, String upiIntent, String imageUrl,
                         Instant expiresAt) {
    public ProviderQr {
        Objects.requireNonNull(provider, "provider");
    }

    /** How the attempts list names what was issued. */
    public String describe() {
        return "reference " + providerReference;
    }
}
