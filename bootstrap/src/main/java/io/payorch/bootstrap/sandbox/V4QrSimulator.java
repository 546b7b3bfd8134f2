package io.payorch.bootstrap.sandbox;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The V4 DynamicQRCode API that AOPay and BOS share, answering exactly as their page's examples:
 * the success body with {@code id}, {@code txnRefranceID}, {@code UPIIntend}, ... and the
 * {@code status: "ERROR"} rejection.
 */
final class V4QrSimulator {

    static final Duration QR_LIFETIME = Duration.ofMinutes(5);
    /** Rupees as the page spells the amount: "10", "10.5", "10.50". */
    private static final Pattern RUPEES = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final String prefix;
    private final String payee;
    private final Clock clock;
    private final SimulatorResponses responses;
    private final SimulatedQrRegistry issued = new SimulatedQrRegistry();

    V4QrSimulator(String prefix, String payee, Clock clock, SimulatorResponses responses) {
        this.prefix = prefix;
        this.payee = payee;
        this.clock = clock;
        this.responses = responses;
    }

    /** The QRs this simulator issued, by {@code txnRefranceID}. */
    SimulatedQrRegistry issued() {
        return issued;
    }

    CompletableFuture<MutableHttpResponse<?>> create(Map<String, Object> body) {
        Object registrationId = body == null ? null : body.get("RegistrationID");
        Object amount = body == null ? null : body.get("amount");
        if (!(registrationId instanceof String reg) || reg.isBlank()) {
            return CompletableFuture.completedFuture(error("RegistrationID is required"));
        }
        BigDecimal rupees = amountOf(amount);
        if (rupees == null) {
            return CompletableFuture.completedFuture(error("amount must be a positive rupee amount"));
        }
        String spelled = (String) amount;
        return responses.answer(SandboxTrigger.of(reg),
                () -> error("VPA does not exist for the account provided"),
                () -> HttpResponse.ok(success(reg, rupees, spelled, SandboxTrigger.of(reg).qrLifetime(QR_LIFETIME)))
                        .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** @param spelled the amount exactly as payorch sent it: the intent's {@code am} carries it unchanged */
    private Map<String, Object> success(String registrationId, BigDecimal rupees, String spelled, Duration lifetime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = "qr_" + SimulatedIds.alphanumeric(14);
        String reference = prefix + Long.toString(Math.abs(ThreadLocalRandom.current().nextLong()), 36).toUpperCase();
        String am = spelled;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("txnRefranceID", reference);
        answer.put("entity", "qr_code");
        answer.put("CreatedDateTime", WIRE_TIME.format(now.atOffset(IST)));
        answer.put("UPIIntend", "upi://pay?ver=01&mode=22&pa=" + payee + "&pn=PAYORCHSANDBOX&tr=" + reference
                + "&cu=INR&mc=8299&qrMedium=04&tn=PaymenttoPAYORCHSANDBOX&am=" + am);
        answer.put("PaymentAmount", rupees);
        answer.put("status", "active");
        answer.put("ExpireDateTime", WIRE_TIME.format(now.plus(lifetime).atOffset(IST)));
        answer.put("Status", "True");
        answer.put("message", "QR Code Generated");
        answer.put("Value", "");
        issued.add(new SimulatedQrRegistry.SimulatedQr(prefix, reference, registrationId,
                rupees.movePointRight(2).longValueExact(), "single_use", now, now.plus(lifetime), null, id));
        return answer;
    }

    private static MutableHttpResponse<?> error(String message) {
        return SimulatorResponses.statusError(message);
    }

    /**
     * The amount only as the page spells it, a string of rupees with at most two decimals ("10",
     * "10.5"); anything else ("1e1", " 10", "10.000", the number 10) is refused rather than read
     * generously, so that the sandbox cannot hide a spelling the real provider would refuse.
     */
    private static BigDecimal amountOf(Object amount) {
        if (!(amount instanceof String text) || !RUPEES.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        return value.signum() > 0 ? value : null;
    }
}
