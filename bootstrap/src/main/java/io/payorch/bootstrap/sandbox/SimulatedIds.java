package io.payorch.bootstrap.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids and references as the simulated providers make them up (not secrets: no secure random needed). */
final class SimulatedIds {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private SimulatedIds() {
    }

    /** {@code length} random letters and digits. */
    static String alphanumeric(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }
}
