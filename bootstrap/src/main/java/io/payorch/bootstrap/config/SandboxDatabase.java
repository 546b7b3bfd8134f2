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
    /** The major version of the zonky binaries in the jar ({@code zonky.postgres-binaries.version}). */
    private static final String EMBEDDED_MAJOR = "17";

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
                    + " on port " + port + ": " + rootCause(e) + createdBy(dataDir)
                    + " (set DATASOURCES_DEFAULT_URL to use another PostgreSQL, or PAYORCH_SANDBOX_DATA_DIR"
                    + " / PAYORCH_SANDBOX_DB_PORT)", e);
        }
    }

    /**
     * A data directory initialised by another major version (earlier builds shipped PostgreSQL 14)
     * cannot be opened: say which version made it, so the developer knows to move it away.
     */
    private static String createdBy(Path dataDir) {
        try {
            Path file = dataDir.resolve("PG_VERSION");
            String major = Files.isRegularFile(file) ? Files.readString(file).strip() : EMBEDDED_MAJOR;
            return major.equals(EMBEDDED_MAJOR) ? "" : "; the data directory was created by PostgreSQL " + major
                    + ", and this build embeds PostgreSQL " + EMBEDDED_MAJOR + ": move it away to start afresh";
        } catch (IOException unreadable) {
            return "";
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
