package io.payorch.application.merchantwebhook;

import java.time.Instant;

/**
 * A due delivery this instance holds a lease on: the event's exact body, the endpoint's URL and
 * its secrets as stored (sealed; the previous one while a rotation overlaps).
 */
public record ClaimedDelivery(long id, String eventId, String endpointId, String url, String sealedSecret,
                              String sealedPreviousSecret, Instant previousSecretUntil, String payload,
                              int attemptsBefore) {

    @Override
    public String toString() {
        return "ClaimedDelivery[id=" + id + ", eventId=" + eventId + ", endpointId=" + endpointId + "]";
    }
}
