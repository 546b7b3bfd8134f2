package io.payorch.bootstrap.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM: {@code TEST_DATABASE_URL} when set (a fresh database), else
 * Testcontainers when a Docker engine answers, else an embedded PostgreSQL. Never H2, never mocks.
 */
public final class TestPostgres {

    private static Map<String, String> properties;

    private TestPostgres() {
    }

    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = start();
        }
        return properties;
    }

    private static Map<String, String> start() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("datasources.default.url", url,
                    "datasources.default.username", env("TEST_DATABASE_USERNAME", "postgres"),
                    "datasources.default.password", env("TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            return Map.of("datasources.default.url", container.getJdbcUrl(),
                    "datasources.default.username", container.getUsername(),
                    "datasources.default.password", container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // JVM is ending
                }
            }));
            return Map.of("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
