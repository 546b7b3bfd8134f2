package io.payorch.application.port.out;

import io.payorch.application.webhook.ProviderNotification;
import io.payorch.domain.Provider;

import java.util.Map;

/**
 * One provider's payment notifications as its adapter knows them: how they are signed and what
 * their payload says. The application checks, deduplicates and applies; it never reads a
 * provider's field names itself.
 */
public interface ProviderNotificationPort {

    Provider provider();

    /**
     * Whether {@code signature} signs exactly {@code body} under one of the provider's active
     * webhook secrets (the current one and, while it rotates, the previous one); false for a
     * missing signature or secret, never throws.
     */
    boolean verify(byte[] body, String signature);

    /**
     * Reads a signed notification's JSON object.
     *
     * @param eventIdHeader the provider's event-id header, when it sends one
     * @throws io.payorch.domain.DomainException naming the field that is missing or unreadable
     */
    ProviderNotification read(Map<String, Object> body, String eventIdHeader);
}
