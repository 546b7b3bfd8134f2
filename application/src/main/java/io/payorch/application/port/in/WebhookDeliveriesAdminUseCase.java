package io.payorch.application.port.in;

import io.payorch.application.admin.Page;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliverySummary;

import java.util.List;

/** Operations on every merchant's webhook deliveries. */
public interface WebhookDeliveriesAdminUseCase {

    /** Filters optional; times ISO-8601; newest first. */
    Page<DeliverySummary> search(String merchant, String endpointId, String status, String type, String createdFrom,
                                 String createdTo, String limit, String cursor);

    DeliveryDetail detail(String id);

    /** The deliveries of the events of one QR or transfer OTP (its id), newest event first, at most 100. */
    List<DeliverySummary> ofResource(String resourceId);

    /** Makes the delivery due now, whatever its state. */
    void resend(String id);
}
