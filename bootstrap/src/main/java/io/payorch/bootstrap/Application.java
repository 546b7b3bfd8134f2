package io.payorch.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.payorch.bootstrap.config.ProductionGuard;
import io.payorch.bootstrap.config.SandboxDatabase;
import io.payorch.bootstrap.shutdown.ShutdownSignals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts payorch. With no environment named, the sandbox starts; in the sandbox with no database
 * URL, an embedded PostgreSQL is started first. In {@code prod}, unsafe settings stop the start
 * before anything connects anywhere (see README). {@code SIGTERM} and Ctrl-C drain the instance
 * before it stops ({@link ShutdownSignals}).
 */
public final class Application {

    private Application() {
    }

    /** Read by logback.xml: {@code json} or {@code text}. */
    static final String LOG_FORMAT = "payorch.log.format";
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        String parallelism = commonPoolParallelism(System.getProperty(COMMON_POOL_PARALLELISM),
                Runtime.getRuntime().availableProcessors());
        if (parallelism != null) { // before anything loads CompletableFuture, which reads it once
            System.setProperty(COMMON_POOL_PARALLELISM, parallelism);
        }
        Map<String, String> env = System.getenv();
        List<String> named = namedEnvironments(env);
        String logFormat = logFormat(env.get("PAYORCH_LOG_FORMAT"), named);
        System.setProperty(LOG_FORMAT, logFormat); // before the first log line
        if (!isBlank(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"))) {
            System.setProperty("otel.sdk.disabled", "false"); // traces to OTLP; off otherwise (application.yml)
            System.setProperty("payorch.tracing.paths", "/**"); // and the HTTP span filters on every path
        }
        if (named.contains("prod")) {
            refuseUnsafeProductionSettings(args);
        }
        Micronaut micronaut = Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments("sandbox")
                .banner(!"json".equals(logFormat)); // JSON output holds nothing but JSON lines
        if ((named.isEmpty() || named.contains("sandbox")) && isBlank(env.get("DATASOURCES_DEFAULT_URL"))
                && isBlank(System.getProperty("datasources.default.url"))) {
            micronaut.properties(SandboxDatabase.start(env));
        }
        ApplicationContext context = micronaut.start();
        ShutdownSignals.install(context);
    }

    private static void refuseUnsafeProductionSettings(String[] args) {
        List<String> problems;
        try (ApplicationContext context = ApplicationContext.builder(Application.class).args(args).build()) {
            Environment environment = context.getEnvironment().start();
            problems = ProductionGuard.problems(environment);
        }
        if (!problems.isEmpty()) {
            System.err.println("payorch refuses to start in prod:");
            problems.forEach(p -> System.err.println("  - " + p));
            System.exit(2);
        }
    }

    /**
     * The JDK HTTP client (webhook deliveries) completes every {@code sendAsync} on
     * CompletableFuture's default executor. With fewer than two threads in the common pool (on a
     * machine of 2 cores or fewer) that executor starts a new thread for every task: one thread
     * created and torn down per delivery, 22,000 in a 30-second run (async-profiler, 2026-12-02).
     * Unless the operator chose a parallelism, at least 2 keeps the common pool in use. Null: leave it.
     */
    static String commonPoolParallelism(String configured, int processors) {
        if (configured != null || processors - 1 >= 2) {
            return null;
        }
        return "2";
    }

    /** JSON lines in prod, readable lines elsewhere; {@code PAYORCH_LOG_FORMAT=json|text} chooses. */
    static String logFormat(String chosen, List<String> environments) {
        if ("json".equals(chosen) || "text".equals(chosen)) {
            return chosen;
        }
        if (!isBlank(chosen)) {
            System.err.println("PAYORCH_LOG_FORMAT must be json or text, not «" + chosen + "»; using the default");
        }
        return environments.contains("prod") ? "json" : "text";
    }

    private static List<String> namedEnvironments(Map<String, String> env) {
        String named = System.getProperty("micronaut.environments", env.get("MICRONAUT_ENVIRONMENTS"));
        if (isBlank(named)) {
            return List.of();
        }
        return Arrays.stream(named.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
