package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.payorch.bootstrap.config.ProviderProperties;
import io.payorch.bootstrap.config.ProviderRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Razorpay's QR Codes API under {@code /sandbox/razorpay}, as far as the official SDK's
 * {@code QrCodeClient} goes: create, fetch, fetch all ({@code count}, {@code skip}, {@code from},
 * {@code to}), fetch a QR Code's payments, close; with HTTP Basic (the configured key id and secret),
 * its validation rules and its error body
 * {@code {"error": {"code", "description", "source", "step", "reason", "metadata", "field"}}}, which
 * {@link RazorpayErrorEnvelope} also gives every framework error on these paths.
 * The triggers read the registration id payorch sends in {@code notes.payorch_registration_id}.
 */
@Controller("/sandbox/razorpay/v1/payments/qr_codes")
@Requires(env = "sandbox")
public class RazorpaySimulatorController {

    private static final Set<String> FIELDS = Set.of("type", "name", "usage", "fixed_amount", "payment_amount",
            "description", "customer_id", "close_by", "notes");
    private static final long MAX_CLOSE_BY = 2_147_483_647L;

    private final Clock clock;
    private final SimulatorResponses responses;
    private final ProviderRegistry providers;
    private final SimulatedQrRegistry issued = new SimulatedQrRegistry();
    private final Map<String, Map<String, Object>> entities = new ConcurrentHashMap<>();
    /** Ids newest first, for the listing. */
    private final ConcurrentLinkedDeque<String> newestFirst = new ConcurrentLinkedDeque<>();
    /** Each QR Code's payment entities, newest first; guarded by the QR Code's entity lock. */
    private final Map<String, List<Map<String, Object>>> payments = new ConcurrentHashMap<>();

    RazorpaySimulatorController(Clock clock, SimulatorResponses responses, ProviderRegistry providers) {
        this.clock = clock;
        this.responses = responses;
        this.providers = providers;
    }

    /** The QR Codes this simulator issued, by Razorpay id ({@code payorchQrId} from the notes). */
    public SimulatedQrRegistry issued() {
        return issued;
    }

    /** A payment recorded on a QR Code: the QR Code as it then is, and the payment entity. */
    public record Credit(Map<String, Object> qrCode, Map<String, Object> payment) {
    }

    /**
     * Records a captured UPI payment of {@code paise} on QR Code {@code id} as Razorpay does before it
     * sends {@code qr_code.credited}: the payment is listed under the QR Code, the received amount
     * and count grow, and an active single-use QR Code closes with reason {@code paid}. Empty for an
     * id never issued.
     */
    public Optional<Credit> credit(String id, long paise) {
        Map<String, Object> entity = entities.get(id);
        if (entity == null) {
            return Optional.empty();
        }
        synchronized (entity) {
            Map<String, Object> payment = payment(entity, paise);
            payments.computeIfAbsent(id, k -> new ArrayList<>()).add(0, payment);
            entity.put("payments_amount_received", ((Number) entity.get("payments_amount_received")).longValue() + paise);
            entity.put("payments_count_received", ((Number) entity.get("payments_count_received")).longValue() + 1);
            if ("single_use".equals(entity.get("usage")) && "active".equals(entity.get("status"))) {
                entity.put("status", "closed");
                entity.put("closed_at", clock.instant().getEpochSecond());
                entity.put("close_reason", "paid");
            }
            return Optional.of(new Credit(new LinkedHashMap<>(entity), new LinkedHashMap<>(payment)));
        }
    }

    private Map<String, Object> payment(Map<String, Object> qrCode, long paise) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", "pay_" + SimulatedIds.alphanumeric(14));
        payment.put("entity", "payment");
        payment.put("amount", paise);
        payment.put("currency", "INR");
        payment.put("status", "captured");
        payment.put("order_id", null);
        payment.put("invoice_id", null);
        payment.put("international", false);
        payment.put("method", "upi");
        payment.put("amount_refunded", 0);
        payment.put("refund_status", null);
        payment.put("captured", true);
        payment.put("description", "QRv2 Payment");
        payment.put("vpa", "success@razorpay");
        payment.put("customer_id", qrCode.get("customer_id"));
        payment.put("notes", List.of());
        payment.put("fee", 0);
        payment.put("tax", 0);
        payment.put("error_code", null);
        payment.put("error_description", null);
        payment.put("acquirer_data", Map.of("rrn", String.valueOf(100_000_000_000L
                + ThreadLocalRandom.current().nextLong(900_000_000_000L))));
        payment.put("created_at", clock.instant().getEpochSecond());
        return payment;
    }

    @Post
    CompletableFuture<MutableHttpResponse<?>> create(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                                     @Body @Nullable Map<String, Object> body) {
        if (!authorised(authorization)) {
            return done(unauthorised());
        }
        Map<String, Object> b = body == null ? Map.of() : body;
        MutableHttpResponse<?> invalid = validate(b);
        if (invalid != null) {
            return done(invalid);
        }
        String registrationId = b.get("notes") instanceof Map<?, ?> notes
                && notes.get("payorch_registration_id") instanceof String r ? r : null;
        return responses.answer(SandboxTrigger.of(registrationId),
                () -> error(HttpStatus.BAD_REQUEST, "The selected type is invalid.", "type"),
                () -> HttpResponse.ok(issue(b, registrationId)).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @Post("/{id}/close")
    MutableHttpResponse<?> close(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                 @PathVariable String id) {
        return withEntity(authorization, id, entity -> {
            if ("closed".equals(entity.get("status"))) {
                return error(HttpStatus.BAD_REQUEST, "The QR Code is already closed", null);
            }
            entity.put("status", "closed");
            entity.put("closed_at", clock.instant().getEpochSecond());
            entity.put("close_reason", "on_demand");
            return json(new LinkedHashMap<>(entity));
        });
    }

    @Get("/{id}")
    MutableHttpResponse<?> fetch(@Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                 @PathVariable String id) {
        return withEntity(authorization, id, entity -> json(new LinkedHashMap<>(entity)));
    }

    @Get
    MutableHttpResponse<?> fetchAll(HttpRequest<?> request,
                                    @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        RazorpayListing.Parsed parsed = RazorpayListing.parse(request.getParameters().asMap());
        if (parsed instanceof RazorpayListing.Refused refused) {
            return refused.error();
        }
        RazorpayListing listing = ((RazorpayListing.Query) parsed).listing();
        return json(listing.page(newestFirst.stream().map(entities::get).map(entity -> {
            synchronized (entity) {
                return new LinkedHashMap<>(entity);
            }
        })));
    }

    @Get("/{id}/payments")
    MutableHttpResponse<?> fetchPayments(HttpRequest<?> request,
                                         @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                                         @PathVariable String id) {
        return withEntity(authorization, id, entity -> {
            RazorpayListing.Parsed parsed = RazorpayListing.parse(request.getParameters().asMap());
            if (parsed instanceof RazorpayListing.Refused refused) {
                return refused.error();
            }
            List<Map<String, Object>> received = List.copyOf(payments.getOrDefault(id, List.of()));
            return json(((RazorpayListing.Query) parsed).listing().page(received.stream()));
        });
    }

    /** Razorpay's checks before any work on one QR: the key, then the id; the work holds the entity's lock. */
    private MutableHttpResponse<?> withEntity(String authorization, String id,
                                              Function<Map<String, Object>, MutableHttpResponse<?>> work) {
        if (!authorised(authorization)) {
            return unauthorised();
        }
        Map<String, Object> entity = entities.get(id);
        if (entity == null) {
            return error(HttpStatus.BAD_REQUEST, "The id provided does not exist", "id");
        }
        synchronized (entity) {
            return work.apply(entity);
        }
    }

    private MutableHttpResponse<?> validate(Map<String, Object> b) {
        for (String field : b.keySet()) {
            if (!FIELDS.contains(field)) {
                return error(HttpStatus.BAD_REQUEST, field + " is/are not required and should not be sent", field);
            }
        }
        if (b.get("type") == null) {
            return error(HttpStatus.BAD_REQUEST, "The type is required.", "type");
        }
        if (!"upi_qr".equals(b.get("type"))) {
            return error(HttpStatus.BAD_REQUEST, "The selected type is invalid.", "type");
        }
        Object usage = b.get("usage");
        if (usage == null) {
            return error(HttpStatus.BAD_REQUEST, "The usage is required.", "usage");
        }
        if (!"single_use".equals(usage) && !"multiple_use".equals(usage)) {
            return error(HttpStatus.BAD_REQUEST, "The selected usage is invalid.", "usage");
        }
        boolean fixed = Boolean.TRUE.equals(b.get("fixed_amount"));
        if (b.containsKey("fixed_amount") && !(b.get("fixed_amount") instanceof Boolean)) {
            return error(HttpStatus.BAD_REQUEST, "The selected fixed_amount is invalid.", "fixed_amount");
        }
        if ("single_use".equals(usage) && !fixed) {
            return error(HttpStatus.BAD_REQUEST, "fixed_amount must be true for a single_use QR Code", "fixed_amount");
        }
        Object amount = b.get("payment_amount");
        if (fixed && amount == null) {
            return error(HttpStatus.BAD_REQUEST, "The payment amount is required.", "payment_amount");
        }
        if (amount != null && (!(amount instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))) {
            return error(HttpStatus.BAD_REQUEST, "The payment amount must be an integer.", "payment_amount");
        }
        if (amount != null && ((Number) amount).longValue() < 1) {
            return error(HttpStatus.BAD_REQUEST, "The payment amount must be at least 1.", "payment_amount");
        }
        Object closeBy = b.get("close_by");
        if (closeBy != null) {
            if ("multiple_use".equals(usage)) {
                return error(HttpStatus.BAD_REQUEST, "close_by is not allowed for multiple_use QR Codes", "close_by");
            }
            if (!(closeBy instanceof Number n) || n.longValue() < 946684800L || n.longValue() > 4765046400L) {
                return error(HttpStatus.BAD_REQUEST, "close_by must be between 946684800 and 4765046400", "close_by");
            }
            long seconds = n.longValue();
            long now = clock.instant().getEpochSecond();
            if (seconds > MAX_CLOSE_BY || seconds < now + Duration.ofMinutes(2).toSeconds()
                    || seconds > now + Duration.ofDays(45).toSeconds()) {
                return error(HttpStatus.BAD_REQUEST,
                        "The close by date should be at least 2 minutes and at most 45 days after current time",
                        "close_by");
            }
        }
        if (b.get("notes") != null) {
            if (!(b.get("notes") instanceof Map<?, ?> notes) || notes.size() > 15) {
                return error(HttpStatus.BAD_REQUEST, "The notes may have at most 15 keys.", "notes");
            }
            for (Map.Entry<?, ?> note : notes.entrySet()) {
                if (String.valueOf(note.getKey()).length() > 256 || String.valueOf(note.getValue()).length() > 256) {
                    return error(HttpStatus.BAD_REQUEST, "The notes values may have at most 256 characters.", "notes");
                }
            }
        }
        return null;
    }

    private Map<String, Object> issue(Map<String, Object> b, String registrationId) {
        long now = clock.instant().getEpochSecond();
        String id = "qr_" + SimulatedIds.alphanumeric(14);
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("entity", "qr_code");
        entity.put("created_at", now);
        entity.put("name", b.get("name"));
        entity.put("usage", b.get("usage"));
        entity.put("type", "upi_qr");
        entity.put("image_url", "https://rzp.io/i/" + SimulatedIds.alphanumeric(8));
        entity.put("payment_amount", b.get("payment_amount"));
        entity.put("status", "active");
        entity.put("description", b.get("description"));
        entity.put("fixed_amount", Boolean.TRUE.equals(b.get("fixed_amount")));
        entity.put("payments_amount_received", 0);
        entity.put("payments_count_received", 0);
        entity.put("notes", b.get("notes") == null ? Map.of() : b.get("notes"));
        entity.put("customer_id", b.get("customer_id"));
        entity.put("close_by", b.get("close_by"));
        entity.put("closed_at", null);
        entity.put("close_reason", null);
        entities.put(id, entity);
        newestFirst.addFirst(id);
        Object qrId = entity.get("notes") instanceof Map<?, ?> notes ? notes.get("payorch_qr_id") : null;
        Long amount = b.get("payment_amount") instanceof Number n ? n.longValue() : null;
        Long closeBy = b.get("close_by") instanceof Number n ? n.longValue() : null;
        issued.add(new SimulatedQrRegistry.SimulatedQr("RAZORPAY", id, registrationId, amount, (String) b.get("usage"),
                Instant.ofEpochSecond(now), closeBy == null ? null : Instant.ofEpochSecond(closeBy),
                qrId instanceof String s ? s : null, null));
        return new LinkedHashMap<>(entity);
    }

    private boolean authorised(String authorization) {
        ProviderProperties configured = providers.properties("razorpay");
        if (authorization == null || !authorization.startsWith("Basic ") || configured.getUsername() == null) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString((configured.getUsername() + ":"
                + (configured.getPassword() == null ? "" : configured.getPassword())).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.substring("Basic ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static MutableHttpResponse<?> unauthorised() {
        return error(HttpStatus.UNAUTHORIZED, "The api key provided is invalid", null);
    }

    static MutableHttpResponse<?> error(HttpStatus status, String description, String field) {
        return HttpResponse.status(status).body(envelope(status, description, field))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Razorpay's error body: {@code SERVER_ERROR} for its own failures, {@code BAD_REQUEST_ERROR} otherwise. */
    static Map<String, Object> envelope(HttpStatus status, String description, String field) {
        boolean server = status.getCode() >= 500;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", server ? "SERVER_ERROR" : "BAD_REQUEST_ERROR");
        error.put("description", description);
        error.put("source", server ? "internal" : "business");
        error.put("step", server ? "NA" : "payment_initiation");
        error.put("reason", server ? "server_error" : "input_validation_failed");
        error.put("metadata", Map.of());
        if (field != null) {
            error.put("field", field);
        }
        return Map.of("error", error);
    }

    private static MutableHttpResponse<?> json(Map<String, Object> body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static CompletableFuture<MutableHttpResponse<?>> done(MutableHttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
