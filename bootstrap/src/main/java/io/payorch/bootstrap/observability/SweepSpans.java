package io.payorch.bootstrap.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.payorch.application.port.out.ExpiredBatch;
import io.payorch.application.port.out.OtpExpiryPort;
import io.payorch.application.port.out.QrExpiryPort;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One span per expiry batch (one claim, one transaction): {@code sweep batch qr} or
 * {@code sweep batch otp}, with the batch limit and how many it expired. Wraps the expiry ports,
 * so the sweep itself stays plain Java. No-ops while tracing is off.
 */
public final class SweepSpans {

    private final Tracer tracer;

    public SweepSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.payorch.sweep");
    }

    public QrExpiryPort qrs(QrExpiryPort port) {
        return new QrExpiryPort() {
            @Override
            public ExpiredBatch expireDue(Instant now, int limit) {
                return batch("qr", limit, () -> port.expireDue(now, limit));
            }

            @Override
            public Optional<Instant> oldestDue(Instant now) {
                return port.oldestDue(now);
            }
        };
    }

    public OtpExpiryPort otps(OtpExpiryPort port) {
        return new OtpExpiryPort() {
            @Override
            public ExpiredBatch expireDue(Instant now, int limit) {
                return batch("otp", limit, () -> port.expireDue(now, limit));
            }

            @Override
            public Optional<Instant> oldestDue(Instant now) {
                return port.oldestDue(now);
            }
        };
    }

    private ExpiredBatch batch(String kind, int limit, Supplier<ExpiredBatch> work) {
        Span span = tracer.spanBuilder("sweep batch " + kind)
                .setAttribute("payorch.sweep.kind", kind)
                .setAttribute("payorch.sweep.limit", limit)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ExpiredBatch batch = work.get();
            span.setAttribute("payorch.sweep.expired", batch.size());
            return batch;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
