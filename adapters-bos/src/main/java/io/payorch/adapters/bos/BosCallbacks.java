package io.payorch.adapters.bos;

import io.payorch.application.port.out.ProviderNotificationPort;
import io.payorch.domain.Provider;
import io.payorch.wire.SignedCallbacks;
import io.payorch.wire.V4QrFormat;

import java.util.List;

/** BOS's payment callbacks: payorch's signed callback format, the QR named as the V4 format names it. */
public final class BosCallbacks {

    private BosCallbacks() {
    }

    /** @param secrets BOS's webhook secrets in force (current, and previous while rotating) */
    public static ProviderNotificationPort port(List<String> secrets) {
        return new SignedCallbacks(Provider.BOS, secrets, V4QrFormat.REFERENCE_FIELDS);
    }
}
