package io.payorch.bootstrap.security;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API clients. Only SHA-256 digests of the secrets are kept, and a presented
 * secret is compared digest to digest with {@link MessageDigest#isEqual} (constant time); an
 * unknown client id costs the same comparison, so timing tells nothing about which ids exist.
 */
@Singleton
public class ApiClientDirectory {

    public static final String ROLE_MERCHANT = "MERCHANT";
    public static final String ROLE_ADMIN = "ADMIN";

    private static final byte[] NO_CLIENT = sha256("no client has this secret " + System.nanoTime());

    private final Map<String, ApiClient> clients = new HashMap<>();

    ApiClientDirectory(List<ClientProperties.Merchant> merchants, List<ClientProperties.Admin> admins) {
        merchants.forEach(m -> add(m.id(), m.getSecret(), ROLE_MERCHANT));
        admins.forEach(a -> add(a.id(), a.getSecret(), ROLE_ADMIN));
    }

    private void add(String id, String secret, String role) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("payorch.security." + (ROLE_ADMIN.equals(role) ? "admins." : "merchants.")
                    + id + ".secret is not set");
        }
        if (clients.containsKey(id)) {
            throw new IllegalStateException("API client id '" + id + "' is configured both as merchant and as admin");
        }
        clients.put(id, new ApiClient(id, role, sha256(secret)));
    }

    /** The client when the id exists and the secret matches. */
    public Optional<ApiClient> verify(String id, String secret) {
        ApiClient client = id == null ? null : clients.get(id);
        byte[] expected = client == null ? NO_CLIENT : client.secretDigest();
        byte[] presented = sha256(secret == null ? "" : secret);
        boolean matches = MessageDigest.isEqual(expected, presented);
        return client != null && matches ? Optional.of(client) : Optional.empty();
    }

    public int size() {
        return clients.size();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One configured client; {@code toString} never shows the digest. */
    public record ApiClient(String id, String role, byte[] secretDigest) {
        @Override
        public String toString() {
            return "ApiClient[" + id + ", " + role + "]";
        }
    }
}
