package io.payorch.application.port.out;

import io.payorch.application.admin.PageCursor;
import io.payorch.application.merchantwebhook.AttemptRecord;
import io.payorch.application.merchantwebhook.ClaimedDelivery;
import io.payorch.application.merchantwebhook.DeliveryDetail;
import io.payorch.application.merchantwebhook.DeliveryFilter;
import io.payorch.application.merchantwebhook.DeliverySummary;
import io.payorch.application.merchantwebhook.PendingBacklog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deliveries of events to endpoints. Claims are leases taken with {@code FOR UPDATE SKIP LOCKED},
 * so no delivery is attempted by two instances at once; a lease that ends without a recorded
 * attempt (the instance died) makes the delivery due again.
 */
public interface WebhookDeliveryStore {

    /**
     * Leases up to {@code limit} due pending deliveries of enabled endpoints to {@code instance}
     * until {@code leaseUntil}, at most {@code perEndpointLimit} less {@code inFlight} (what this
     * instance already sends to it) per endpoint.
     */
    List<ClaimedDelivery> claim(String instance, Instant now, Instant leaseUntil, int limit,
                                Map<String, Integer> inFlight, int perEndpointLimit);

    /**
     * Records one attempt and the delivery's new state, in one statement, if {@code instance} still
     * holds its lease: {@code delivered}, {@code pending} again at {@code nextAttemptAt}, or
     * {@code failed} (null {@code nextAttemptAt}). A failure marks the endpoint failing since its first
     * unanswered failure and disables it when that is before {@code disableIfFailingSince}; a success
     * clears the mark. False when the lease was lost (nothing written).
     */
    boolean recordAttempt(ClaimedDelivery delivery, String instance, AttemptRecord attempt, String newStatus,
                          Instant nextAttemptAt, Instant disableIfFailingSince);

    /** Gives back the leases {@code instance} holds, so other instances may take them at once. */
    int release(String instance);

    List<DeliverySummary> listForEndpoint(String endpointId, String status, PageCursor after, int limit);

    /** Makes one delivery due now (also a failed or delivered one); false when it does not exist. */
    boolean retryNow(String endpointId, String eventId, Instant now);

    /** Makes due now every event of the endpoint's merchant and types created since {@code since}; how many. */
    int replay(String endpointId, Instant since, Instant now);

    List<DeliverySummary> search(DeliveryFilter filter, PageCursor after, int limit);

    Optional<DeliveryDetail> detail(long id);

    /** The deliveries of the events of one QR or transfer OTP, newest event first. */
    List<DeliverySummary> forResource(String resourceId, int limit);

    /** Makes delivery {@code id} due now; false when it does not exist. */
    boolean resend(long id, Instant now);

    /** Deletes up to {@code batch} events older than {@code before} whose every delivery was delivered. */
    int purgeDelivered(Instant before, int batch);

    /**
     * Deletes pending deliveries whose endpoint or event no longer exists: a fan-out or replay that
     * read its endpoint or event just before another transaction deleted it (no foreign key stops
     * that, V24). Such a delivery is never claimed; how many were deleted.
     */
    int purgeOrphans();

    long pendingCount();

    /** How long the oldest due pending delivery has waited (zero when none is due). */
    Duration oldestPendingAge(Instant now);

    /** Pending deliveries counted up to {@code cap} (bounded work at any backlog), the oldest and the earliest due. */
    PendingBacklog pendingBacklog(int cap);
}
