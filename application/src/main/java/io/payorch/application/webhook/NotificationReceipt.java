package io.payorch.application.webhook;

/**
 * What payorch did with a notification; every outcome but the first two is answered 2xx.
 *
 * @param field for {@link Outcome#MALFORMED}, the field of the notification that could not be read
 */
public record NotificationReceipt(Outcome outcome, String qrId, String detail, String field) {

    public NotificationReceipt(Outcome outcome, String qrId, String detail) {
        this(outcome, qrId, detail, null);
    }

    public enum Outcome {
        /** Missing or wrong signature: nothing was read or stored. */
        UNAUTHORIZED,
        /** Signed, but not a notification payorch can read: nothing stored. */
        MALFORMED,
        /** Applied to its QR. */
        APPLIED,
        /** This event (or this payment) was received before; nothing changed again. */
        DUPLICATE,
        /** Recorded but not applied; operations must look at it (amount differs, QR no longer active...). */
        FLAGGED,
        /** No QR matches it; recorded for operations. */
        UNMATCHED,
        /** Recorded; nothing to apply (an event type payorch does not act on, or already final). */
        IGNORED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean accepted() {
        return outcome != Outcome.UNAUTHORIZED && outcome != Outcome.MALFORMED;
    }
}
