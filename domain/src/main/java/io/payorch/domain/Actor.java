package io.payorch.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Who made a change, as the audit trail names it in an event's {@code source}:
 * {@code merchant:<client id>}, {@code admin:<client id>}, {@code provider:<name>}, {@code sweep}
 * or {@code reconciliation}.
 *
 * @param kind what sort of actor
 * @param id   the client id or provider name; null for the scheduler's actors
 */
public record Actor(Kind kind, String id) {

    public static final Actor SWEEP = new Actor(Kind.SWEEP, null);
    public static final Actor RECONCILIATION = new Actor(Kind.RECONCILIATION, null);

    public enum Kind { MERCHANT, ADMIN, PROVIDER, SWEEP, RECONCILIATION }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        boolean named = kind == Kind.MERCHANT || kind == Kind.ADMIN || kind == Kind.PROVIDER;
        if (named == (id == null || id.isBlank())) {
            throw new IllegalArgumentException(kind + (named ? " needs an id" : " has no id"));
        }
    }

    public static Actor merchant(String clientId) {
        return new Actor(Kind.MERCHANT, clientId);
    }

    public static Actor admin(String clientId) {
        return new Actor(Kind.ADMIN, clientId);
    }

    public static Actor provider(String name) {
        return new Actor(Kind.PROVIDER, name);
    }

    public static Actor provider(Provider provider) {
        return provider(provider.name());
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }

    /** The merchant's client id, or null for any other actor. */
    public String merchantId() {
        return kind == Kind.MERCHANT ? id : null;
    }

    /** The audit trail's spelling, e.g. {@code merchant:acme} or {@code sweep}. */
    public String source() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return id == null ? name : name + ":" + id;
    }

    @Override
    public String toString() {
        return source();
    }
}
