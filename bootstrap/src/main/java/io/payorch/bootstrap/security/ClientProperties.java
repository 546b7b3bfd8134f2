package io.payorch.bootstrap.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * API clients from configuration: {@code payorch.security.merchants.<id>.secret} and
 * {@code payorch.security.admins.<id>.secret} (so {@code PAYORCH_SECURITY_MERCHANTS_ACME_SECRET} in
 * the environment adds merchant {@code acme}). Instead of {@code secret}, {@code secret-sha256}
 * may hold the secret's SHA-256 in hex, so that the configuration holds nothing usable; while a
 * secret is rotated, {@code previous-secret} (or {@code previous-secret-sha256}) is accepted too.
 * Secrets are only ever hashed, never logged.
 */
final class ClientProperties {

    private ClientProperties() {
    }

    /** One configured client: its id (the key under the list) and its active secrets. */
    abstract static class Client {
        private final String id;
        private String secret;
        private String secretSha256;
        private String previousSecret;
        private String previousSecretSha256;

        Client(String id) {
            this.id = id;
        }

        String id() { return id; }
        @Nullable public String getSecret() { return secret; }
        public void setSecret(@Nullable String secret) { this.secret = secret; }
        @Nullable public String getSecretSha256() { return secretSha256; }
        public void setSecretSha256(@Nullable String secretSha256) { this.secretSha256 = secretSha256; }
        @Nullable public String getPreviousSecret() { return previousSecret; }
        public void setPreviousSecret(@Nullable String previousSecret) { this.previousSecret = previousSecret; }
        @Nullable public String getPreviousSecretSha256() { return previousSecretSha256; }
        public void setPreviousSecretSha256(@Nullable String previousSecretSha256) { this.previousSecretSha256 = previousSecretSha256; }

        /**
         * The SHA-256 digests of the active secrets, the current one first.
         *
         * @param setting the client's setting, e.g. {@code payorch.security.merchants.acme}, for the messages
         * @throws IllegalStateException when there is no current secret, or a setting is malformed or doubled
         */
        List<byte[]> secretDigests(String setting) {
            List<byte[]> digests = new ArrayList<>(2);
            byte[] current = digest(setting + ".secret", secret, secretSha256);
            if (current == null) {
                throw new IllegalStateException(setting + ".secret (or " + setting + ".secret-sha256) is not set");
            }
            digests.add(current);
            byte[] previous = digest(setting + ".previous-secret", previousSecret, previousSecretSha256);
            if (previous != null) {
                digests.add(previous);
            }
            return digests;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + id + ", secrets=***]";
        }
    }

    /** A secret given in plain or as its SHA-256 hex (one of the two), as a digest; null when neither. */
    @Nullable
    static byte[] digest(String key, @Nullable String plain, @Nullable String sha256Hex) {
        boolean hasPlain = plain != null && !plain.isBlank();
        boolean hasHash = sha256Hex != null && !sha256Hex.isBlank();
        if (hasPlain && hasHash) {
            throw new IllegalStateException(key + " and " + key + "-sha256 are both set: keep one");
        }
        if (hasHash) {
            if (!SecretDigest.isHex(sha256Hex)) {
                throw new IllegalStateException(key + "-sha256 is not a SHA-256 in hex (64 digits 0-9, a-f,"
                        + " as sha256sum prints it)");
            }
            return SecretDigest.parseHex(sha256Hex);
        }
        return hasPlain ? SecretDigest.of(plain) : null;
    }

    @EachProperty("payorch.security.merchants")
    static class Merchant extends Client {
        Merchant(@Parameter String id) {
            super(id);
        }
    }

    @EachProperty("payorch.security.admins")
    static class Admin extends Client {
        Admin(@Parameter String id) {
            super(id);
        }
    }
}
