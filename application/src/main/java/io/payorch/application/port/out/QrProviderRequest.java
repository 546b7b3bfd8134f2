package io.payorch.application.port.out;

import io.payorch.domain.Money;
import io.payorch.domain.QrUsage;

import java.time.Instant;
import java.util.Map;

/**
 * Everything a QR provider may need, in payorch's terms; each adapter takes what its API speaks.
 * {@code qrId} is payorch's own id, so that notifications can be matched back.
 */
public record QrProviderRequest(String qrId, String registrationId, Money amount, QrUsage usage,
                                Customer customer, String description, Instant closeBy, Map<String, String> notes) {

    public QrProviderRequest {
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }

    /** The payer, where the merchant gave one (OQPay needs it). Fields may be null. */
    public record Customer(String name, String mobile, String email) {
    }
}
