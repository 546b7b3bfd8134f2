package io.payorch.bootstrap.shutdown;

import java.util.concurrent.CompletionStage;

/**
 * Background work that claims items from the shared database (expiry sweeps and reconciliation
 * today, webhook deliveries once they exist). When the instance drains, {@link GracefulDrain} asks
 * every such bean to stop claiming; what a bean already holds it finishes or releases, so that
 * another instance can take the rest at once.
 */
public interface Drainable {

    /**
     * Claims nothing new from now on. Answers at once; the stage completes (never exceptionally)
     * once nothing is held any more: finished, or released for other instances.
     */
    CompletionStage<?> stopClaiming();
}
