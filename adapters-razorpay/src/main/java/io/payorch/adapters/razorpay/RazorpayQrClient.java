package io.payorch.adapters.razorpay;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;
import io.payorch.domain.QrUsage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Razorpay's QR Codes API with HTTP Basic (key id and secret): create
 * ({@code POST /v1/payments/qr_codes}), close ({@code POST /v1/payments/qr_codes/{id}/close}) and
 * fetch ({@code GET /v1/payments/qr_codes/{id}}). Razorpay answers an image URL, not a UPI string.
 * payorch's QR id travels in {@code notes.payorch_qr_id} so that notifications can be matched, and
 * the merchant's registration id in {@code notes.payorch_registration_id}; the merchant's own notes
 * share the remaining 13 of Razorpay's 15.
 */
public final class RazorpayQrClient implements QrProviderPort {

    public static final String PATH = "/v1/payments/qr_codes";
    /** The note carrying payorch's QR id. */
    public static final String QR_ID_NOTE = "payorch_qr_id";
    /** The note carrying the merchant's registration id. */
    public static final String REGISTRATION_ID_NOTE = "payorch_registration_id";
    private static final List<String> RESERVED_NOTES = List.of(QR_ID_NOTE, REGISTRATION_ID_NOTE);

    static final Duration MINIMUM_LEAD = Duration.ofMinutes(2);
    static final Duration MAXIMUM_LIFE = Duration.ofDays(45);
    static final long LAST_CLOSE_BY = 2_147_483_647L;
    static final int MAXIMUM_NOTES = 15;
    static final int MAXIMUM_NOTE_LENGTH = 256;
    private static final Pattern RAZORPAY_ID = Pattern.compile("[A-Za-z0-9_]{1,40}");

    private final ProviderEndpoint endpoint;
    private final ProviderTransport transport;
    private final Clock clock;
    private final String authorization;

    public RazorpayQrClient(ProviderEndpoint endpoint, ProviderTransport transport, Clock clock, String keyId,
                            String keySecret) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.clock = clock;
        String pair = Objects.requireNonNullElse(keyId, "") + ":" + Objects.requireNonNullElse(keySecret, "");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Provider provider() {
        return Provider.RAZORPAY;
    }

    @Override
    public boolean enabled() {
        return endpoint.enabled();
    }

    @Override
    public boolean closesAtProvider() {
        return true;
    }

    /** The rules of Razorpay's page, checked before any call. Field names are payorch's API's. */
    @Override
    public List<FieldError> check(QrProviderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.usage() == QrUsage.SINGLE_USE && request.amount() == null) {
            errors.add(new FieldError("amount", "a single_use QR needs a fixed amount at RAZORPAY"));
        }
        Instant closeBy = request.closeBy();
        if (closeBy != null) {
            Instant now = clock.instant();
            if (request.usage() != QrUsage.SINGLE_USE) {
                errors.add(new FieldError("closeBy", "is only allowed for single_use QRs at RAZORPAY"));
            } else if (closeBy.getEpochSecond() > LAST_CLOSE_BY) {
                errors.add(new FieldError("closeBy", "must not be after 2038-01-19T03:14:07Z (Unix time 2147483647)"));
            } else if (Instant.ofEpochSecond(closeBy.getEpochSecond()).isBefore(now.plus(MINIMUM_LEAD))) {
                errors.add(new FieldError("closeBy", "must be at least 2 minutes from now"));
            } else if (closeBy.isAfter(now.plus(MAXIMUM_LIFE))) {
                errors.add(new FieldError("closeBy", "must be at most 45 days from now"));
            }
        }
        Map<String, String> notes = request.notes();
        int room = MAXIMUM_NOTES - RESERVED_NOTES.size();
        if (notes.size() > room) {
            errors.add(new FieldError("notes", "at most " + room + " notes at RAZORPAY (it keeps 15; payorch uses "
                    + RESERVED_NOTES.size() + " for its QR id and the registration id)"));
        }
        for (String reserved : RESERVED_NOTES) {
            if (notes.containsKey(reserved)) {
                errors.add(new FieldError("notes." + reserved, "is reserved for payorch"));
            }
        }
        notes.forEach((key, value) -> {
            if (key.length() > MAXIMUM_NOTE_LENGTH) {
                errors.add(new FieldError("notes", "a note key is longer than 256 characters"));
            } else if (value == null) {
                errors.add(new FieldError("notes." + key, "must not be null"));
            } else if (value.length() > MAXIMUM_NOTE_LENGTH) {
                errors.add(new FieldError("notes." + key, "must be at most 256 characters"));
            }
        });
        return errors;
    }

    @Override
    public ProviderOutcome<ProviderQr> create(QrProviderRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "upi_qr");
        body.put("usage", request.usage().wire());
        body.put("fixed_amount", request.amount() != null);
        if (request.amount() != null) {
            body.put("payment_amount", request.amount().paise());
        }
        if (request.description() != null && !request.description().isBlank()) {
            body.put("description", request.description());
        }
        if (request.closeBy() != null) {
            body.put("close_by", request.closeBy().getEpochSecond());
        }
        Map<String, String> notes = new LinkedHashMap<>(new TreeMap<>(request.notes()));
        notes.put(QR_ID_NOTE, request.qrId());
        notes.put(REGISTRATION_ID_NOTE, request.registrationId());
        body.put("notes", notes);
        ProviderOutcome<RazorpayQrCode> outcome = transport.exchange("POST", endpoint.resolve(PATH), headers(), body,
                RazorpayAnswerReader::read);
        return toProviderQr(outcome, "active");
    }

    @Override
    public ProviderOutcome<ProviderQr> close(String providerReference) {
        if (providerReference == null || !RAZORPAY_ID.matcher(providerReference).matches()) {
            return new ProviderOutcome.NotAttempted<>("not a Razorpay QR Code id");
        }
        ProviderOutcome<RazorpayQrCode> outcome = transport.exchange("POST",
                endpoint.resolve(PATH + "/" + providerReference + "/close"), headers(), null,
                RazorpayAnswerReader::read);
        return toProviderQr(outcome, "closed");
    }

    @Override
    public ProviderOutcome<ProviderQr> fetch(String qrId, String providerReference) {
        if (providerReference == null || !RAZORPAY_ID.matcher(providerReference).matches()) {
            return new ProviderOutcome.NotAttempted<>("not a Razorpay QR Code id");
        }
        ProviderOutcome<RazorpayQrCode> outcome = transport.exchange("GET",
                endpoint.resolve(PATH + "/" + providerReference), headers(), null, RazorpayAnswerReader::read);
        // accepted means "there is a usable QR": a closed one must not be activated by reconciliation
        return toProviderQr(outcome, "active");
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>(endpoint.extraHeaders());
        headers.put("Authorization", authorization);
        return headers;
    }

    /**
     * The QR in payorch's terms. {@code close_by} is the expiry; a single_use QR with none closes
     * after Razorpay's 45 days; a multiple_use QR has no expiry.
     */
    private static ProviderOutcome<ProviderQr> toProviderQr(ProviderOutcome<RazorpayQrCode> outcome,
                                                            String expectedStatus) {
        if (outcome instanceof ProviderOutcome.Accepted<RazorpayQrCode> accepted) {
            RazorpayQrCode qr = accepted.value();
            if (!expectedStatus.equals(qr.status())) {
                return new ProviderOutcome.Unknown<>("QR Code " + qr.id() + " is " + qr.status() + ", expected "
                        + expectedStatus, false);
            }
            Instant expiresAt = qr.closeBy();
            if (expiresAt == null && "single_use".equals(qr.usage()) && qr.createdAt() != null) {
                expiresAt = qr.createdAt().plus(MAXIMUM_LIFE);
            }
            return new ProviderOutcome.Accepted<>(new ProviderQr(Provider.RAZORPAY, qr.id(), null, qr.imageUrl(),
                    expiresAt));
        }
        return outcome.map(qr -> null); // only failures reach here: the mapper is never applied
    }
}
