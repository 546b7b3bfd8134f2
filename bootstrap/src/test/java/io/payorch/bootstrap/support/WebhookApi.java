package io.payorch.bootstrap.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The merchant webhook API as tests call it (real HTTP), and events written as the outbox writes them. */
public final class WebhookApi {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final ApiCalls api;
    private final JsonMapper json;

    public WebhookApi(ApiCalls api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    /** Creates an endpoint for the sandbox merchant; answers the create answer (with its secret). */
    public Map<String, Object> create(String url, String events) {
        String body = "{\"url\":\"" + url + "\"" + (events == null ? "" : ",\"events\":" + events) + "}";
        HttpResponse<String> response = api.post("/v1/webhook-endpoints", ApiCalls.merchant(), body, Map.of());
        if (response.statusCode() != 201) {
            throw new AssertionError("create answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    public Map<String, Object> read(String body) {
        try {
            return json.readValue(body, OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String body) {
        return (List<Map<String, Object>>) read(body).get("items");
    }

    /**
     * An event of {@code merchant}, inserted as the outbox inserts it (the fan-out trigger makes its
     * deliveries); answers its id.
     */
    public static String insertEvent(String merchant, String type) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String payload = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"createdAt\":\"2026-11-30T10:00:00Z\","
                + "\"sequence\":1,\"data\":{\"object\":{\"id\":\"qr_test\",\"status\":\"PAID\"}}}";
        Sql.update("INSERT INTO outbound_event (id, merchant_id, type, resource_id, sequence, created_at, payload)"
                + " VALUES (?, ?, ?, 'qr_test', 1, now(), ?)", id, merchant, type, payload);
        return id;
    }

    public static String payload(String eventId) {
        try (var c = Sql.connect(); var s = c.prepareStatement("SELECT payload FROM outbound_event WHERE id = ?")) {
            s.setString(1, eventId);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
