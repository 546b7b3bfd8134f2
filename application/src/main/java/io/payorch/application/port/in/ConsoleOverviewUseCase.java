package io.payorch.application.port.in;

import io.payorch.application.console.DailyFigures;
import io.payorch.application.console.JumpTarget;
import io.payorch.application.console.Overview;

import java.util.Optional;

/** The operator console's own reads: the overview, and finding a QR or OTP from anything pasted. */
public interface ConsoleOverviewUseCase {

    Overview overview();

    /** Recounts the providers' last-day figures the overview shows (a scheduled job calls it). */
    DailyFigures refreshDailyFigures();

    /**
     * A payorch QR or OTP id, a provider's QR reference, a UPI reference (UTR) or a provider payment id,
     * to the QR or OTP it names; empty when nothing matches.
     */
    Optional<JumpTarget> jump(String pasted);
}
