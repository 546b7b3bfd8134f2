package io.payorch.bootstrap.shutdown;

import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes {@code SIGTERM} and {@code SIGINT} (Ctrl-C) from the JVM's default handling, which would
 * run the shutdown hooks at once and close the server, the HTTP clients and the pool under requests
 * still in flight. The first signal runs {@link GracefulDrain} on a thread of its own and then exits
 * (status 0 when everything finished, 128 + the signal's number when the grace period ran out), so
 * the shutdown hooks close everything only once nothing is in flight. A second signal stops the
 * process at once, with 128 + its number.
 */
public final class ShutdownSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private ShutdownSignals() {
    }

    /** Called once the application has started. */
    public static void install(ApplicationContext context) {
        AtomicBoolean received = new AtomicBoolean();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    int cutOff = 128 + signal.getNumber();
                    if (!received.compareAndSet(false, true)) {
                        System.err.println("payorch: second SIG" + signal.getName() + ", stopping at once");
                        Runtime.getRuntime().halt(cutOff);
                    }
                    Thread drainer = new Thread(() -> System.exit(drain(context) ? 0 : cutOff), "payorch-drain");
                    drainer.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // e.g. -Xrs, or a platform without this signal: the JVM's own handling stays
                LOG.warn("SIG{} is handled by the JVM (no graceful drain): {}", name, e.getMessage());
            }
        }
    }

    private static boolean drain(ApplicationContext context) {
        try {
            return context.getBean(GracefulDrain.class).drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.error("Drain failed; stopping now", e);
            return false;
        }
    }
}
