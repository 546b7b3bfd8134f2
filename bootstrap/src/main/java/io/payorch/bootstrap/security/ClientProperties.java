package io.payorch.bootstrap.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * API clients from configuration: {@code payorch.security.merchants.<id>.secret} and
 * {@code payorch.security.admins.<id>.secret} (so {@code PAYORCH_SECURITY_MERCHANTS_ACME_SECRET} in
 * the environment adds merchant {@code acme}). The secret is only ever hashed, never logged.
 */
final class ClientProperties {

    private ClientProperties() {
    }

    /** One configured client: its id (the key under the list) and its secret. */
    abstract static class Client {
        private final String id;
        private String secret;

        Client(String id) {
            this.id = id;
        }

        String id() { return id; }
        @Nullable public String getSecret() { return secret; }
        public void setSecret(@Nullable String secret) { this.secret = secret; }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + id + ", secret=***]";
        }
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
