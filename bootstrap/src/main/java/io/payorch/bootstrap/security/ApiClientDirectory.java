package io.payorch.bootstrap.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API clients. Only SHA-256 digests of the secrets are kept (a client may have two
 * while it rotates: {@code secret} and {@code previous-secret}), and a presented secret is compared
 * digest to digest with {@link MessageDigest#isEqual} (constant time) against exactly two digests
 * whatever the client: an unknown id or a client with one secret is compared against stand-ins,
 * so timing tells nothing about which ids exist or how many secrets they have.
 */
@Singleton
public class ApiClientDirectory {

    public static final String ROLE_MERCHANT = "MERCHANT";
    public static final String ROLE_ADMIN = "ADMIN";

    private static final byte[] NO_SECRET = SecretDigest.of("no client has this secret " + System.nanoTime());

    private final Map<String, ApiClient> clients = new HashMap<>();

    @Inject
    ApiClientDirectory(List<ClientProperties.Merchant> merchants, List<ClientProperties.Admin> admins) {
        for (ClientProperties.Merchant m : merchants) {
            add(m.id(), m.secretDigests("payorch.security.merchants." + m.id()), ROLE_MERCHANT);
        }
        for (ClientProperties.Admin a : admins) {
            add(a.id(), a.secretDigests("payorch.security.admins." + a.id()), ROLE_ADMIN);
        }
    }

    /**
     * Clients with one plain secret each. What production refuses (sandbox credentials, short
     * secrets, no clients) is decided once, before start-up, by {@code config.ProductionGuard};
     * here only what is wrong anywhere.
     */
    ApiClientDirectory(Map<String, String> merchants, Map<String, String> admins) {
        merchants.forEach((id, secret) -> add(id, List.of(plain("payorch.security.merchants." + id, secret)), ROLE_MERCHANT));
        admins.forEach((id, secret) -> add(id, List.of(plain("payorch.security.admins." + id, secret)), ROLE_ADMIN));
    }

    private static byte[] plain(String setting, String secret) {
        byte[] digest = ClientProperties.digest(setting + ".secret", secret, null);
        if (digest == null) {
            throw new IllegalStateException(setting + ".secret is not set");
        }
        return digest;
    }

    private void add(String id, List<byte[]> digests, String role) {
        if (clients.containsKey(id)) {
            throw new IllegalStateException("API client id '" + id + "' is configured both as merchant and as admin");
        }
        clients.put(id, new ApiClient(id, role, digests.get(0), digests.size() > 1 ? digests.get(1) : NO_SECRET));
    }

    /** The client when the id exists and the secret matches one of its active secrets. */
    public Optional<ApiClient> verify(String id, String secret) {
        return check(id, secret).client();
    }

    /** {@link #verify}, saying why it failed (for the failure counter and log, never for the caller). */
    Verification check(String id, String secret) {
        ApiClient client = id == null ? null : clients.get(id);
        byte[] presented = SecretDigest.of(secret == null ? "" : secret);
        // both comparisons always run ('|' does not short-circuit)
        boolean current = MessageDigest.isEqual(client == null ? NO_SECRET : client.currentDigest(), presented);
        boolean previous = MessageDigest.isEqual(client == null ? NO_SECRET : client.previousDigest(), presented);
        if (client == null) {
            return new Verification(Optional.empty(), Verification.UNKNOWN_CLIENT);
        }
        return current | previous ? new Verification(Optional.of(client), null)
                : new Verification(Optional.empty(), Verification.WRONG_SECRET);
    }

    public int size() {
        return clients.size();
    }

    /** The outcome of a check: the client, or why there is none ({@code unknown_client}, {@code wrong_secret}). */
    record Verification(Optional<ApiClient> client, String failure) {
        static final String UNKNOWN_CLIENT = "unknown_client";
        static final String WRONG_SECRET = "wrong_secret";
    }

    /** One configured client; {@code toString} never shows a digest. */
    public record ApiClient(String id, String role, byte[] currentDigest, byte[] previousDigest) {
        @Override
        public String toString() {
            return "ApiClient[" + id + ", " + role + "]";
        }
    }
}
