package io.payorch.bootstrap.webhooks;

import io.payorch.application.merchantwebhook.ClaimedDelivery;
import io.payorch.application.port.in.DeliverWebhooksUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery loop of one instance, on a thread of its own (never the event loop): claims due
 * deliveries up to {@code maxInFlight} (and the per-endpoint limit, enforced in the claim), starts
 * each attempt without waiting for it (the HTTP client is asynchronous), and sleeps until woken by
 * {@link #wake()} (a committed delivery's NOTIFY, a finished attempt) or the slow poll interval.
 * {@link #stop(Duration)} stops claiming, waits for attempts in flight, and gives back the leases
 * this instance still holds, so that another instance may take them at once.
 */
public final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final long COALESCE_MILLIS = 3;

    private final DeliverWebhooksUseCase deliveries;
    private final String instance;
    private final int maxInFlight;
    private final Duration pollInterval;
    private final ExecutorService recorder;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;

    public WebhookDispatcher(DeliverWebhooksUseCase deliveries, String instance, int maxInFlight, Duration pollInterval,
                             ExecutorService recorder) {
        this.deliveries = deliveries;
        this.instance = instance;
        this.maxInFlight = maxInFlight;
        this.pollInterval = pollInterval;
        this.recorder = recorder;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /** Something may be due: claim now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public String instance() {
        return instance;
    }

    /** Attempts this instance has in flight now. */
    public int inFlight() {
        return total.get();
    }

    private void run() {
        while (running) {
            boolean more = false;
            try {
                more = claimAndStart();
            } catch (RuntimeException e) {
                LOG.warn("Claiming webhook deliveries failed; trying again at the next poll: {}", e.toString());
            }
            if (!more && await()) {
                coalesce();
            }
        }
    }

    /** True when the claim was full (more may be due at once). */
    private boolean claimAndStart() {
        int room = maxInFlight - total.get();
        if (room <= 0) {
            return false;
        }
        Map<String, Integer> snapshot;
        synchronized (inFlight) {
            snapshot = Map.copyOf(inFlight);
        }
        List<ClaimedDelivery> claimed = deliveries.claim(instance, room, snapshot);
        for (ClaimedDelivery delivery : claimed) {
            started(delivery);
            deliveries.attempt(instance, delivery, recorder).whenComplete((delivered, failure) -> {
                if (failure != null) {
                    LOG.warn("Recording the attempt of delivery {} failed; its lease runs out and it is tried again: {}",
                            delivery.id(), failure.toString());
                }
                finished(delivery);
                wake();
            });
        }
        return claimed.size() == room;
    }

    private void started(ClaimedDelivery delivery) {
        total.incrementAndGet();
        synchronized (inFlight) {
            inFlight.merge(delivery.endpointId(), 1, Integer::sum);
        }
    }

    private void finished(ClaimedDelivery delivery) {
        total.decrementAndGet();
        synchronized (inFlight) {
            inFlight.computeIfPresent(delivery.endpointId(), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Sleeps until woken or the poll interval passes; true when woken. */
    private boolean await() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            boolean wasWoken = woken;
            woken = false;
            return wasWoken;
        }
    }

    /**
     * A wake-up is often one of many (attempts finishing, deliveries committing): a moment's pause
     * lets them gather, so that one claim takes them all instead of one claim per wake-up.
     */
    private void coalesce() {
        try {
            Thread.sleep(COALESCE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Stops claiming, waits up to {@code grace} for the attempts in flight, then gives back every
     * lease this instance still holds (attempts still running keep theirs until it runs out).
     * Answers how many leases were given back.
     */
    public int stop(Duration grace) {
        synchronized (this) {
            if (!running) {
                return 0;
            }
            running = false;
        }
        wake();
        long deadline = System.nanoTime() + grace.toNanos();
        while (total.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int released = 0;
        if (total.get() == 0) {
            try {
                released = deliveries.release(instance);
            } catch (RuntimeException e) {
                LOG.warn("Giving back webhook leases failed; they run out by themselves: {}", e.toString());
            }
        } else {
            LOG.warn("{} webhook attempts still in flight at stop; their leases run out and they are tried again",
                    total.get());
        }
        recorder.shutdown();
        try {
            recorder.awaitTermination(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return released;
    }
}
