package io.payorch.application.port.in;

import io.payorch.domain.QrIntent;

/** Read one QR. */
public interface GetQrIntentUseCase {
    /** @throws io.payorch.application.NotFoundException when there is no such QR */
    QrIntent get(String id);
}
