package io.payorch.application.webhook;

import io.payorch.domain.Provider;

import java.util.Objects;

/**
 * A notification exactly as it arrived: the raw body bytes (the signature covers these, never a
 * re-serialised form), the signature header and the provider's event id header, where it sends one.
 */
public record InboundNotification(Provider provider, byte[] body, String signature, String eventIdHeader) {
    public InboundNotification {
        Objects.requireNonNull(provider, "provider");
        body = body == null ? new byte[0] : body;
    }
}
