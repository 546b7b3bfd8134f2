package io.payorch.bootstrap;

import io.micronaut.runtime.Micronaut;
import io.payorch.bootstrap.config.SandboxDatabase;

import java.util.Arrays;
import java.util.Map;

/**
 * Starts payorch. With no environment named, the sandbox starts; in the sandbox with no database
 * URL, an embedded PostgreSQL is started first (see README).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Micronaut micronaut = Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments("sandbox");
        if (isSandbox(env) && isBlank(env.get("DATASOURCES_DEFAULT_URL"))
                && isBlank(System.getProperty("datasources.default.url"))) {
            micronaut.properties(SandboxDatabase.start(env));
        }
        micronaut.start();
    }

    private static boolean isSandbox(Map<String, String> env) {
        String named = System.getProperty("micronaut.environments", env.get("MICRONAUT_ENVIRONMENTS"));
        return isBlank(named) || Arrays.stream(named.split(",")).map(String::trim).anyMatch("sandbox"::equals);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
