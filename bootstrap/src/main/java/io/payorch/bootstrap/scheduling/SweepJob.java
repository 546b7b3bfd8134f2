package io.payorch.bootstrap.scheduling;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.lifecycle.ClaimGate;
import io.payorch.application.lifecycle.ReconcileReport;
import io.payorch.application.lifecycle.SweepReport;
import io.payorch.application.port.in.ExpireDueUseCase;
import io.payorch.application.port.in.ReconcileOpenQrsUseCase;
import io.payorch.bootstrap.shutdown.Drainable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Drives the sweeps every {@code payorch.sweep.interval} (default 5 s) on the scheduler's own
 * threads, never the event loop. Failed batches are logged with their cause; their items stay due
 * and the next run takes them. {@code payorch.sweep.enabled=false} turns the schedule off (the
 * use cases stay callable, e.g. by {@code POST /admin/sweeps}).
 *
 * <p>On a drain it closes the instance's {@link ClaimGate}: a run in progress claims no further
 * batch (each batch is its own transaction, so nothing stays locked) and releases the QRs it claimed
 * for reconciliation but has not asked about; the drain waits for that run to end.
 */
@Singleton
@Requires(property = "payorch.sweep.enabled", notEquals = "false")
public class SweepJob implements Drainable {

    private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

    private final ExpireDueUseCase expire;
    private final ReconcileOpenQrsUseCase reconcile;
    private final ClaimGate gate;
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private int running; // guarded by this

    SweepJob(ExpireDueUseCase expire, ReconcileOpenQrsUseCase reconcile, ClaimGate gate) {
        this.expire = expire;
        this.reconcile = reconcile;
        this.gate = gate;
    }

    @Override
    public synchronized CompletionStage<?> stopClaiming() {
        gate.close();
        if (running == 0) {
            released.complete(null);
        }
        return released;
    }

    @Scheduled(fixedDelay = "${payorch.sweep.interval:5s}", initialDelay = "${payorch.sweep.initial-delay:5s}")
    void sweep() {
        if (!enter()) {
            return;
        }
        try {
            run();
        } finally {
            leave();
        }
    }

    private synchronized boolean enter() {
        if (!gate.isOpen()) {
            return false;
        }
        running++;
        return true;
    }

    private synchronized void leave() {
        running--;
        if (running == 0 && !gate.isOpen()) {
            released.complete(null);
        }
    }

    private void run() {
        try {
            SweepReport report = expire.expireDue();
            if (report.qrsExpired() + report.otpsExpired() > 0) {
                LOG.info("Sweep expired {} QRs and {} OTPs in {} ms, lag {} ms", report.qrsExpired(),
                        report.otpsExpired(), report.duration().toMillis(),
                        report.lag().map(d -> d.toMillis()).orElse(0L));
            }
            report.failures().forEach(f ->
                    LOG.error("Expiry batch of {} failed; its items stay due and are retried next run", f.kind(), f.cause()));
        } catch (RuntimeException e) {
            LOG.error("Expiry sweep failed; retried next run", e);
        }
        try {
            ReconcileReport report = reconcile.reconcile();
            if (report.activated() + report.failed() > 0) {
                LOG.info("Reconciliation examined {} open QRs: {} activated, {} failed, {} still open",
                        report.examined(), report.activated(), report.failed(), report.stillOpen());
            }
            report.failures().forEach(f -> LOG.error("Reconciliation of {} failed; retried later", f.kind(), f.cause()));
        } catch (RuntimeException e) {
            LOG.error("Reconciliation failed; retried next run", e);
        }
    }
}
