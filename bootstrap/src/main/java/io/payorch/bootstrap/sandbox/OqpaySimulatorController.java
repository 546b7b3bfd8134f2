package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * OQPay's V5 Payin DynamicQRCode under {@code /sandbox/oqpay}, answering as its page's example:
 * {@code success} (boolean), {@code data} with {@code txnId}, {@code refId}, {@code qrString},
 * {@code upiLink}, {@code expiresAt} (UTC), {@code expiresInSeconds} (number), {@code txnDate}
 * (Indian time, no zone), and the {@code status: "ERROR"} body for a refusal.
 */
@Controller("/sandbox/oqpay")
@Requires(env = "sandbox")
public class OqpaySimulatorController {

    static final Duration QR_LIFETIME = Duration.ofSeconds(300);
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final DateTimeFormatter TXN_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TXN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Clock clock;
    private final SimulatorResponses responses;
    private final SimulatedQrRegistry issued = new SimulatedQrRegistry();

    OqpaySimulatorController(Clock clock, SimulatorResponses responses) {
        this.clock = clock;
        this.responses = responses;
    }

    /** The QRs this simulator issued, by {@code txnId}. */
    public SimulatedQrRegistry issued() {
        return issued;
    }

    @Post("/api/V5/Payin/DynamicQRCode")
    CompletableFuture<MutableHttpResponse<?>> dynamicQr(@Body @Nullable Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        for (String field : new String[] {"customerName", "customerMobile", "customerEmail", "registrationID"}) {
            if (!(b.get(field) instanceof String text) || text.isBlank()) {
                return CompletableFuture.completedFuture(error(field + " is required"));
            }
        }
        Long rupees = wholeRupees(b.get("amount"));
        if (rupees == null) {
            return CompletableFuture.completedFuture(error("amount must be an integer number of rupees"));
        }
        if (rupees < 300) {
            return CompletableFuture.completedFuture(error("Amount cannot be less than 300"));
        }
        String registrationId = (String) b.get("registrationID");
        return responses.answer(SandboxTrigger.of(registrationId),
                () -> error("VPA does not exist for the account provided"),
                () -> HttpResponse.ok(success(registrationId, rupees)).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private Map<String, Object> success(String registrationId, long rupees) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duration lifetime = SandboxTrigger.of(registrationId).qrLifetime(QR_LIFETIME);
        Instant expiresAt = now.plus(lifetime);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String txnId = "TPAY" + TXN_ID_TIME.format(now.atOffset(IST)) + String.format(Locale.ROOT, "%07d",
                random.nextInt(10_000_000));
        String refId = "REF-" + registrationId.replaceAll("[^A-Za-z0-9]", "") + "V" + random.nextInt(1_000_000, 10_000_000);
        String tr = String.valueOf(random.nextLong(10_000_000_000L, 100_000_000_000L));
        String intent = "upi://pay?pa=payorch.oqpay@sandbox&pn=PAYORCH SANDBOX&tr=" + tr + "&tid=PPPL" + tr
                + "&am=" + BigDecimal.valueOf(rupees).setScale(2).toPlainString() + "&cu=INR&tn=UPIIntent";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("txnId", txnId);
        data.put("refId", refId);
        data.put("amount", rupees);
        data.put("qrString", intent);
        data.put("upiLink", intent);
        data.put("status", "PENDING");
        data.put("expiresAt", DateTimeFormatter.ISO_INSTANT.format(expiresAt));
        data.put("expiresInSeconds", lifetime.toSeconds());
        data.put("txnDate", TXN_DATE.format(now.atOffset(IST)));
        data.put("apiStatus", "Success");
        data.put("transactionId", "c" + Long.toString(random.nextLong(Long.MAX_VALUE), 36));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("data", data);
        answer.put("message", "QR Successfully Generated");
        issued.add(new SimulatedQrRegistry.SimulatedQr("OQPAY", txnId, registrationId, rupees * 100, "single_use",
                now, expiresAt, null, refId));
        return answer;
    }

    private static Long wholeRupees(Object amount) {
        if (!(amount instanceof Number number)) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(number.toString());
            return value.signum() > 0 ? value.longValueExact() : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static MutableHttpResponse<?> error(String message) {
        return SimulatorResponses.statusError(message);
    }
}
