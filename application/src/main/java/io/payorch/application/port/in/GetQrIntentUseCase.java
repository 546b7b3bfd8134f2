package io.payorch.application.port.in;

import io.payorch.domain.QrIntent;

/** Read one QR. */
public interface GetQrIntentUseCase {
    /**
     * @throws io.payorch.application.NotFoundException when merchant {@code merchantId} has no such
     *         QR: another merchant's QR is answered exactly like one that does not exist
     */
    QrIntent get(String merchantId, String id);
}
