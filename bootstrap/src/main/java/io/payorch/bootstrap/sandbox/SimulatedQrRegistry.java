package io.payorch.bootstrap.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The QRs one simulator issued, by the provider's reference, so that a later sandbox payment can
 * find what was issued. Bounded: the oldest are forgotten first.
 */
public final class SimulatedQrRegistry {

    static final int CAPACITY = 10_000;

    /**
     * One issued QR as the provider knows it.
     *
     * @param reference   the provider's reference, as its answer carried it ({@code txnRefranceID},
     *                    {@code txnId}, Razorpay's {@code qr_...} id)
     * @param amountPaise null for an open-amount QR
     * @param payorchQrId payorch's id where the request carried it (Razorpay's notes), else null
     * @param otherReference the provider's second reference where it has one (the V4 QR {@code id},
     *                    OQPay's {@code refId}), else null
     */
    public record SimulatedQr(String provider, String reference, String registrationId, Long amountPaise,
                              String usage, Instant issuedAt, Instant expiresAt, String payorchQrId,
                              String otherReference) {
    }

    private final Map<String, SimulatedQr> byReference = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SimulatedQr> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(SimulatedQr qr) {
        byReference.put(qr.reference(), qr);
    }

    public synchronized Optional<SimulatedQr> find(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    public synchronized int size() {
        return byReference.size();
    }
}
