package io.payorch.application.service;

import io.payorch.application.lifecycle.ClaimGate;
import io.payorch.application.lifecycle.LifecycleCounters;
import io.payorch.application.lifecycle.SweepReport;
import io.payorch.application.lifecycle.SweepSettings;
import io.payorch.application.lifecycle.SweepStats;
import io.payorch.application.port.in.ExpireDueUseCase;
import io.payorch.application.port.in.SweepStatsQuery;
import io.payorch.application.port.out.ExpiredBatch;
import io.payorch.application.port.out.OtpExpiryPort;
import io.payorch.application.port.out.QrExpiryPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * Expires due QRs and OTPs batch by batch until none is due at the moment the run started, with
 * {@code workers} batch loops at once per kind (the caller's thread and {@code workers - 1} on the
 * executor; the claims skip each other's locked rows). A failing batch ends its worker's loop: its
 * items stay due and the next run retries them; the failure is reported to the caller with its cause.
 * Once the {@link ClaimGate} closes (the instance is shutting down) no worker claims another batch:
 * a batch is one transaction, so nothing stays held and another instance expires the rest.
 */
public final class ExpirySweepService implements ExpireDueUseCase, SweepStatsQuery {

    static final String QR = "qr";
    static final String OTP = "otp";

    private final QrExpiryPort qrs;
    private final OtpExpiryPort otps;
    private final Clock clock;
    private final SweepSettings settings;
    private final LifecycleCounters counters;
    private final Executor workers;
    private final ClaimGate gate;
    private final AtomicReference<SweepStats> stats = new AtomicReference<>(SweepStats.NONE);
    private final AtomicLong qrsTotal = new AtomicLong();
    private final AtomicLong otpsTotal = new AtomicLong();
    private final AtomicLong failedTotal = new AtomicLong();

    public ExpirySweepService(QrExpiryPort qrs, OtpExpiryPort otps, Clock clock, SweepSettings settings,
                              LifecycleCounters counters, Executor workers, ClaimGate gate) {
        this.qrs = qrs;
        this.otps = otps;
        this.clock = clock;
        this.settings = settings;
        this.counters = counters;
        this.workers = workers;
        this.gate = gate;
    }

    /** All batches on the caller's thread, one after the other, with a gate of its own that stays open. */
    public ExpirySweepService(QrExpiryPort qrs, OtpExpiryPort otps, Clock clock, SweepSettings settings,
                              LifecycleCounters counters) {
        this(qrs, otps, clock, settings, counters, Runnable::run, new ClaimGate());
    }

    @Override
    public SweepReport expireDue() {
        Instant start = clock.instant();
        List<SweepReport.Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Run qrRun = run(QR, qrs::expireDue, start, failures);
        Run otpRun = run(OTP, otps::expireDue, start, failures);
        Duration duration = Duration.between(start, clock.instant());
        Optional<Instant> oldest = min(qrRun.oldest, otpRun.oldest);
        Optional<Duration> lag = oldest.map(o -> Duration.between(o, start));
        SweepReport report = new SweepReport(start, duration, qrRun.count, otpRun.count, lag, failures);
        publish(report);
        return report;
    }

    private Run run(String kind, BiFunction<Instant, Integer, ExpiredBatch> expire, Instant now,
                    List<SweepReport.Failure> failures) {
        List<CompletableFuture<Run>> others = new ArrayList<>();
        for (int i = 1; i < settings.workers(); i++) {
            others.add(CompletableFuture.supplyAsync(() -> drain(kind, expire, now, failures), workers));
        }
        Run run = drain(kind, expire, now, failures);
        for (CompletableFuture<Run> other : others) {
            try {
                run.add(other.join());
            } catch (CompletionException | CancellationException e) {
                failures.add(new SweepReport.Failure(kind, e.getCause() == null ? e : e.getCause()));
            }
        }
        return run;
    }

    private Run drain(String kind, BiFunction<Instant, Integer, ExpiredBatch> expire, Instant now,
                      List<SweepReport.Failure> failures) {
        Run run = new Run();
        while (gate.isOpen()) {
            ExpiredBatch batch;
            try {
                batch = expire.apply(now, settings.batchSize());
            } catch (Exception e) { // also what a driver may throw through a lambda unchecked
                failures.add(new SweepReport.Failure(kind, e));
                return run;
            }
            run.add(batch);
            for (ExpiredBatch.Item item : batch.items()) {
                counters.increment(LifecycleCounters.EXPIRATION, item.provider(), "expired");
            }
            if (batch.size() < settings.batchSize()) {
                return run;
            }
        }
        return run;
    }

    private void publish(SweepReport r) {
        long qrTotal = qrsTotal.addAndGet(r.qrsExpired());
        long otpTotal = otpsTotal.addAndGet(r.otpsExpired());
        long failed = failedTotal.addAndGet(r.failures().size());
        stats.updateAndGet(previous -> new SweepStats(r.startedAt(), r.duration(), r.lag().orElse(Duration.ZERO),
                r.qrsExpired(), r.otpsExpired(), qrTotal, otpTotal, failed, previous.lastReconcileAt(),
                previous.reconciledTotal()));
    }

    /** Called by reconciliation so that one snapshot tells about both. */
    void reconciled(Instant at, long resolved) {
        stats.updateAndGet(p -> new SweepStats(p.lastSweepAt(), p.lastDuration(), p.lastLag(), p.lastQrsExpired(),
                p.lastOtpsExpired(), p.qrsExpiredTotal(), p.otpsExpiredTotal(), p.failedBatchesTotal(), at,
                p.reconciledTotal() + resolved));
    }

    @Override
    public SweepStats snapshot() {
        return stats.get();
    }

    @Override
    public Duration currentLag() {
        Instant now = clock.instant();
        Optional<Instant> oldest = min(qrs.oldestDue(now), otps.oldestDue(now));
        return oldest.map(o -> Duration.between(o, now)).orElse(Duration.ZERO);
    }

    private static Optional<Instant> min(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    private static final class Run {
        long count;
        Optional<Instant> oldest = Optional.empty();

        void add(ExpiredBatch batch) {
            count += batch.size();
            oldest = min(oldest, batch.oldestExpiry());
        }

        void add(Run other) {
            count += other.count;
            oldest = min(oldest, other.oldest);
        }
    }
}
