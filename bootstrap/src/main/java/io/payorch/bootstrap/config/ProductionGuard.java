package io.payorch.bootstrap.config;

import io.micronaut.core.value.PropertyResolver;
import io.payorch.bootstrap.security.SecretDigest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that decides what the {@code prod} environment refuses to start with: no database
 * URL, a missing or sandbox secret (an API client's {@code secret-sha256} counts as its secret, and
 * the hash of a sandbox secret is refused like the secret), an API client secret or PII hash key shorter than
 * {@value #MIN_OWN_SECRET} characters (payorch's own secrets; providers issue theirs), a sandbox
 * client id, no merchant or no admin, an enabled provider without its base URL or credentials.
 * It runs before anything connects anywhere; one line per problem, naming the setting and its
 * environment variable, never the value.
 */
public final class ProductionGuard {

    static final Set<String> SANDBOX_SECRETS = Set.of("sandbox-secret", "sandbox-admin-secret",
            "sandbox-webhook-secret", "sandbox-key-secret", "sandbox-client-secret", "sandbox-pii-hash-key",
            "sandbox-pii-hash-key-not-a-secret-0001");
    /** Shortest API client secret or PII hash key accepted in prod. */
    static final int MIN_OWN_SECRET = 24;
    private static final List<String> PROVIDERS = List.of("aop", "oqpay", "bos", "razorpay", "dmt");
    private static final Set<String> NEED_CREDENTIALS = Set.of("bos", "razorpay");
    private static final Pattern CLIENT_SECRET_KEY = Pattern.compile("[^.]+\\.(previous-)?secret(-sha256)?");
    private static final Set<String> SEND_WEBHOOKS = Set.of("aop", "oqpay", "bos", "razorpay");

    private ProductionGuard() {
    }

    public static List<String> problems(PropertyResolver config) {
        List<String> problems = new ArrayList<>();
        if (blank(config, "datasources.default.url")) {
            problems.add(missing("datasources.default.url", "the PostgreSQL JDBC URL"));
        }
        ownSecret(config, "payorch.pii.hash-key", problems);
        clients(config, "payorch.security.merchants", "merchant", problems);
        clients(config, "payorch.security.admins", "admin", problems);
        for (String provider : PROVIDERS) {
            String prefix = "payorch.providers." + provider + ".";
            if (!config.getProperty(prefix + "enabled", Boolean.class, true)) {
                continue;
            }
            if (blank(config, prefix + "base-url")) {
                problems.add(missing(prefix + "base-url", provider + " is enabled but has no base URL"));
            }
            if (NEED_CREDENTIALS.contains(provider)) {
                if (blank(config, prefix + "username")) {
                    problems.add(missing(prefix + "username", provider + " is enabled without its credentials"));
                }
                secret(config, prefix + "password", problems);
            }
            if (SEND_WEBHOOKS.contains(provider)) {
                secret(config, prefix + "webhook-secret", problems);
                if (!blank(config, prefix + "previous-webhook-secret")) {
                    secret(config, prefix + "previous-webhook-secret", problems);
                }
            }
        }
        return problems;
    }

    private static void clients(PropertyResolver config, String prefix, String kind, List<String> problems) {
        // environment variables reach Micronaut under several spellings (ACME_SECRET → acme.secret,
        // acme-secret; ACME_PREVIOUS_SECRET → acme.previous-secret, acme-previous.secret): a client is
        // an id with one of its secret settings right below it, and "<id>-previous" is a spelling of <id>
        Set<String> spelled = config.getProperties(prefix).keySet().stream()
                .filter(k -> CLIENT_SECRET_KEY.matcher(k).matches())
                .map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
        Collection<String> ids = spelled.stream()
                .filter(id -> !(id.endsWith("-previous") && spelled.contains(id.substring(0, id.length() - "-previous".length()))))
                .toList();
        if (ids.isEmpty()) {
            problems.add(missing(prefix + ".<id>.secret", "no " + kind + " client is configured"));
        }
        for (String id : ids) {
            if (id.startsWith("sandbox")) {
                problems.add(prefix + "." + id + ": the sandbox " + kind + " must not exist in prod");
            }
            String key = prefix + "." + id + ".";
            if (blank(config, key + "secret-sha256")) {
                ownSecret(config, key + "secret", problems);
            } else {
                secretHash(config, key + "secret-sha256", problems);
            }
            if (!blank(config, key + "previous-secret")) {
                ownSecret(config, key + "previous-secret", problems);
            }
            if (!blank(config, key + "previous-secret-sha256")) {
                secretHash(config, key + "previous-secret-sha256", problems);
            }
        }
    }

    /**
     * A client secret configured as its SHA-256: treated like the secret itself, so the hash of a
     * sandbox secret is refused too (its length cannot be checked: the README says to make it with
     * {@code openssl rand}).
     */
    private static void secretHash(PropertyResolver config, String key, List<String> problems) {
        String value = config.getProperty(key, String.class).orElse("");
        if (!SecretDigest.isHex(value)) {
            problems.add(key + " (" + envName(key) + ") is not a SHA-256 in hex (64 digits, as sha256sum prints it)");
        } else if (SANDBOX_SECRETS.stream().anyMatch(s -> Arrays.equals(SecretDigest.of(s), SecretDigest.parseHex(value)))) {
            problems.add(key + " (" + envName(key) + ") is the hash of a sandbox secret");
        }
    }

    /** A secret payorch's operators choose themselves: also long enough to resist guessing. */
    private static void ownSecret(PropertyResolver config, String key, List<String> problems) {
        int before = problems.size();
        secret(config, key, problems);
        String value = config.getProperty(key, String.class).orElse("");
        if (problems.size() == before && value.length() < MIN_OWN_SECRET) {
            problems.add(key + " (" + envName(key) + ") is shorter than " + MIN_OWN_SECRET + " characters");
        }
    }

    private static void secret(PropertyResolver config, String key, List<String> problems) {
        String value = config.getProperty(key, String.class).orElse("");
        if (value.isBlank()) {
            problems.add(missing(key, "a secret is required"));
        } else if (SANDBOX_SECRETS.contains(value)) {
            problems.add(key + " (" + envName(key) + ") holds a sandbox secret");
        }
    }

    private static boolean blank(PropertyResolver config, String key) {
        return config.getProperty(key, String.class).map(String::isBlank).orElse(true);
    }

    private static String missing(String key, String why) {
        return key + " (" + envName(key) + ") is not set: " + why;
    }

    static String envName(String key) {
        return key.replace('.', '_').replace('-', '_').replace("<id>", "ID").toUpperCase(Locale.ROOT);
    }
}
