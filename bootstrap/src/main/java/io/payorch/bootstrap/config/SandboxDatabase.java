package io.payorch.bootstrap.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sandbox's own real PostgreSQL, started before Micronaut when no database URL is configured.
 * Its data stays in {@code PAYORCH_SANDBOX_DATA_DIR} (default {@code ~/.payorch/sandbox-db}), so
 * QRs survive a restart.
 */
public final class SandboxDatabase {

    private static final int DEFAULT_PORT = 54329;

    private SandboxDatabase() {
    }

    /** Starts it and answers the datasource properties pointing at it. */
    public static Map<String, Object> start(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("PAYORCH_SANDBOX_DATA_DIR",
                System.getProperty("user.home") + "/.payorch/sandbox-db"));
        int port = Integer.parseInt(env.getOrDefault("PAYORCH_SANDBOX_DB_PORT", String.valueOf(DEFAULT_PORT)));
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending; PostgreSQL stops with it
                }
            }, "sandbox-db-stop"));
            return Map.of(
                    "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The sandbox's embedded PostgreSQL could not start in " + dataDir
                    + " on port " + port + ": " + rootCause(e)
                    + " (set DATASOURCES_DEFAULT_URL to use another PostgreSQL, or PAYORCH_SANDBOX_DATA_DIR"
                    + " / PAYORCH_SANDBOX_DB_PORT)", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
