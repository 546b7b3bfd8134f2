package io.payorch.application.port.in;

import io.payorch.application.webhook.InboundNotification;
import io.payorch.application.webhook.NotificationReceipt;

/**
 * A provider's signed payment notification, as received: checked against the provider's webhook
 * secret over the raw bytes, deduplicated by event id, then applied to its QR, or recorded and
 * flagged where it cannot be applied.
 */
public interface ReceiveNotificationUseCase {
    NotificationReceipt receive(InboundNotification notification);
}
