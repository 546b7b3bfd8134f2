package io.payorch.adapters.oqpay;

import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.domain.Provider;
import io.payorch.wire.SignedCallbacks;

import java.util.List;

/** OQPay's payment callbacks: payorch's signed callback format, the QR named as OQPay names it. */
public final class OqpayCallbacks {

    /** OQPay's transaction id of a QR (its answer's {@code txnId}), then its {@code refId}. */
    static final List<String> REFERENCE_FIELDS = List.of("txnId", "refId");

    private OqpayCallbacks() {
    }

    /** @param secrets OQPay's webhook secrets in force (current, and previous while rotating) */
    public static ProviderNotificationPort port(List<String> secrets) {
        return new SignedCallbacks(Provider.OQPAY, secrets, REFERENCE_FIELDS);
    }
}
