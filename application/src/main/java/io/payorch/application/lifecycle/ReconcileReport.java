package io.payorch.application.lifecycle;

import java.util.List;

/**
 * One reconciliation run: how many open QRs were looked at and what became of them.
 *
 * @param activated QRs the provider confirmed (now {@code ACTIVE})
 * @param failed    QRs the provider denied knowing, or abandoned once their lifetime passed
 * @param stillOpen QRs left open (provider unreachable or not yet past its lifetime)
 */
public record ReconcileReport(int examined, int activated, int failed, int stillOpen,
                              List<SweepReport.Failure> failures) {
    public ReconcileReport {
        failures = List.copyOf(failures);
    }
}
