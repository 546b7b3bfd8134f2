package io.payorch.application.port.in;

import io.payorch.domain.Actor;
import io.payorch.domain.QrIntent;

/**
 * Close an active QR on demand. Providers that hold QRs open (Razorpay) are told first; the others
 * are closed in payorch. A QR that is already final cannot be closed
 * ({@link io.payorch.domain.IllegalTransitionException}).
 */
public interface CloseQrIntentUseCase {

    /**
     * @param actor who asked: a merchant may close only its own QRs, an admin any
     * @throws io.payorch.application.NotFoundException          when there is no such QR (for this merchant)
     * @throws io.payorch.application.ProviderCallFailedException when the provider did not close it
     */
    QrIntent close(String id, Actor actor);
}
