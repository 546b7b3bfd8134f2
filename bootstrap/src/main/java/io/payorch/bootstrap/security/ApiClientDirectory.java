package io.payorch.bootstrap.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.stream.Collectors.toMap;

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

    @Inject
    ApiClientDirectory(List<ClientProperties.Merchant> merchants, List<ClientProperties.Admin> admins) {
        this(merchants.stream().collect(toMap(ClientProperties.Merchant::id, m -> nullToEmpty(m.getSecret()))),
                admins.stream().collect(toMap(ClientProperties.Admin::id, a -> nullToEmpty(a.getSecret()))));
    }

    /**
     * What production refuses (sandbox credentials, short secrets, no clients) is decided once,
     * before start-up, by {@code config.ProductionGuard}; here only what is wrong anywhere.
     */
    ApiClientDirectory(Map<String, String> merchants, Map<String, String> admins) {
        merchants.forEach((id, secret) -> add(id, secret, ROLE_MERCHANT));
        admins.forEach((id, secret) -> add(id, secret, ROLE_ADMIN));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void add(String id, String secret, String role) {
        String setting = "payorch.security." + (ROLE_ADMIN.equals(role) ? "admins." : "merchants.") + id + ".secret";
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(setting + " is not set");
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
