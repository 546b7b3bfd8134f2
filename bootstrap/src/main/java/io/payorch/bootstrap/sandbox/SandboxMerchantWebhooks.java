package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.annotation.Serdeable;
import io.payorch.application.merchantwebhook.StandardWebhooks;
import io.payorch.application.merchantwebhook.WebhookSecret;
import io.payorch.application.port.in.ManageWebhookEndpointsUseCase;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox merchant's own webhook receiver: {@code sandbox-merchant} gets an endpoint here at
 * start-up (every type, the fixed public secret {@value #SECRET}); {@code POST} checks the Standard
 * Webhooks signature against that secret ({@code verified}) and keeps what arrived (the last
 * {@value #KEEP}); a path ending in
 * {@code /fail-<n>} answers 500 to the first n attempts of each event, to show retries;
 * {@code GET} lists what arrived ({@code ?resource=<qr or otp id>}: that resource's events in their
 * sequence; {@code ?type=}).
 */
@Controller("/sandbox/merchant-webhooks")
@Requires(env = "sandbox")
@Requires(property = "payorch.sandbox.merchant-webhook-endpoint", notEquals = "false")
@Hidden
class SandboxMerchantWebhooks implements ApplicationEventListener<ServerStartupEvent> {

    static final String MERCHANT = "sandbox-merchant";
    /** Public test value: whsec_ + base64("sandbox-merchant-webhook-secret!"). */
    static final String SECRET = "whsec_c2FuZGJveC1tZXJjaGFudC13ZWJob29rLXNlY3JldCE=";
    private static final int KEEP = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMerchantWebhooks.class);

    private final ManageWebhookEndpointsUseCase endpoints;
    private final JsonMapper json;
    private final Clock clock;
    private final Deque<Arrival> arrivals = new ArrayDeque<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    SandboxMerchantWebhooks(ManageWebhookEndpointsUseCase endpoints, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    record Arrival(String webhookId, @Nullable String type, @Nullable Long sequence, boolean verified, int attempt,
                   int answered, Instant receivedAt, @Nullable Object object, @Nullable Object payment) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Arrivals(List<Arrival> items) {
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString() + "/sandbox/merchant-webhooks";
        try {
            String id = endpoints.ensure(MERCHANT, url, WebhookSecret.parse(SECRET)).id();
            LOG.info("sandbox-merchant's webhook endpoint {} delivers to {}", id, url);
        } catch (RuntimeException e) {
            LOG.warn("The sandbox receiver's webhook endpoint could not be set up: {}", e.toString());
        }
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<?> receive(@Nullable @Body byte[] body, @Nullable @Header("webhook-id") String id,
                            @Nullable @Header("webhook-timestamp") String timestamp,
                            @Nullable @Header("webhook-signature") String signature) {
        return keep(body, id, timestamp, signature, 0);
    }

    @Post(value = "/fail-{failures}", consumes = MediaType.ALL)
    HttpResponse<?> receiveFailing(int failures, @Nullable @Body byte[] body, @Nullable @Header("webhook-id") String id,
                                   @Nullable @Header("webhook-timestamp") String timestamp,
                                   @Nullable @Header("webhook-signature") String signature) {
        return keep(body, id, timestamp, signature, failures);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Arrivals list(@Nullable @QueryValue String resource, @Nullable @QueryValue String type) {
        synchronized (arrivals) {
            return new Arrivals(arrivals.stream()
                    .filter(a -> resource == null || (a.object() instanceof Map<?, ?> o && resource.equals(o.get("id"))))
                    .filter(a -> type == null || type.equals(a.type()))
                    // deliveries run concurrently; one resource's events read best in its sequence
                    .sorted(resource == null ? (a, b) -> 0
                            : java.util.Comparator.comparing(Arrival::sequence, java.util.Comparator.nullsLast(Long::compare)))
                    .toList());
        }
    }

    private HttpResponse<?> keep(byte[] body, String id, String timestamp, String signature, int failures) {
        byte[] bytes = body == null ? new byte[0] : body;
        boolean verified = StandardWebhooks.verify(WebhookSecret.parse(SECRET), id, timestamp, signature, bytes,
                clock.instant().getEpochSecond(), 300);
        int attempt = attempts.computeIfAbsent(failures + " " + id, k -> new AtomicInteger()).incrementAndGet();
        // endpoints a merchant adds here have secrets of their own, unknown to this receiver: it
        // keeps and answers them alike, marked unverified
        int status = attempt <= failures ? 500 : 200;
        Map<String, Object> event = read(bytes);
        Map<?, ?> data = event.get("data") instanceof Map<?, ?> d ? d : Map.of();
        Arrival arrival = new Arrival(String.valueOf(id), event.get("type") instanceof String t ? t : null,
                event.get("sequence") instanceof Number n ? n.longValue() : null, verified, attempt, status,
                clock.instant(), data.get("object"), data.get("payment"));
        synchronized (arrivals) {
            arrivals.addLast(arrival);
            while (arrivals.size() > KEEP) {
                arrivals.removeFirst();
            }
        }
        return HttpResponse.status(HttpStatus.valueOf(status)).body(Map.of("received", id == null ? "" : id));
    }

    private Map<String, Object> read(byte[] body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(body, Map.class);
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
