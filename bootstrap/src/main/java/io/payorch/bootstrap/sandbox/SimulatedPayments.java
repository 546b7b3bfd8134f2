package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.payorch.wire.HmacSignature;
import io.payorch.bootstrap.config.ProviderRegistry;
import io.payorch.domain.Money;
import io.payorch.domain.QrIntent;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a provider sends when a payer pays one of its QRs, built by the simulator that issued it:
 * Razorpay's signed {@code qr_code.credited} envelope (after its simulator recorded the payment),
 * or the callback of docs/webhooks.md for AOPay, BOS and OQPay carrying the references their
 * simulator issued. Signed over the exact bytes sent with that provider's webhook secret.
 */
@Singleton
@Requires(env = "sandbox")
public class SimulatedPayments {

    /** One notification, ready to send: payorch's webhook path, its headers and the exact signed bytes. */
    public record Notification(String path, Map<String, String> headers, byte[] body) {
    }

    private final RazorpaySimulatorController razorpay;
    private final AopSimulatorController aop;
    private final BosSimulatorController bos;
    private final OqpaySimulatorController oqpay;
    private final ProviderRegistry providers;
    private final JsonMapper json;
    private final Clock clock;

    SimulatedPayments(RazorpaySimulatorController razorpay, AopSimulatorController aop, BosSimulatorController bos,
                      OqpaySimulatorController oqpay, ProviderRegistry providers, JsonMapper json, Clock clock) {
        this.razorpay = razorpay;
        this.aop = aop;
        this.bos = bos;
        this.oqpay = oqpay;
        this.providers = providers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The notification of a payment of {@code amount} on {@code qr}; empty when the provider's
     * simulator never issued the QR's reference (its base URL points elsewhere, or it was restarted).
     */
    public Optional<Notification> payment(QrIntent qr, Money amount) {
        String reference = qr.providerReference();
        switch (qr.provider()) {
            case RAZORPAY:
                return razorpay.credit(reference, amount.paise()).map(this::razorpay);
            case AOP:
                return aop.issued().find(reference).map(issued -> callback("aop", v4Body("aop", issued, amount)));
            case BOS:
                return bos.issued().find(reference).map(issued -> callback("bos", v4Body("bos", issued, amount)));
            case OQPAY:
                return oqpay.issued().find(reference).map(issued -> callback("oqpay", oqpayBody(issued, amount)));
            default:
                return Optional.empty();
        }
    }

    private Notification razorpay(RazorpaySimulatorController.Credit credit) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("payment", Map.of("entity", credit.payment()));
        payload.put("qr_code", Map.of("entity", credit.qrCode()));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("entity", "event");
        envelope.put("account_id", "acc_SandboxPayorch01");
        envelope.put("event", "qr_code.credited");
        envelope.put("contains", List.of("payment", "qr_code"));
        envelope.put("payload", payload);
        envelope.put("created_at", now);
        byte[] body = bytes(envelope);
        Map<String, String> headers = new LinkedHashMap<>();
        signature(headers, "X-Razorpay-Signature", "razorpay", body);
        headers.put("X-Razorpay-Event-Id", "evt_" + SimulatedIds.alphanumeric(14));
        return new Notification("/v1/webhooks/razorpay", headers, body);
    }

    private static Map<String, Object> v4Body(String provider, SimulatedQrRegistry.SimulatedQr issued, Money amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", provider + "-evt-" + SimulatedIds.alphanumeric(12));
        body.put("event", "payment.success");
        body.put("txnRefranceID", issued.reference());
        if (issued.otherReference() != null) {
            body.put("id", issued.otherReference());
        }
        body.put("amount", amount.toDecimalString());
        body.put("paymentId", provider.toUpperCase(Locale.ROOT) + "PAY" + digits(10));
        body.put("utr", digits(12));
        return body;
    }

    private static Map<String, Object> oqpayBody(SimulatedQrRegistry.SimulatedQr issued, Money amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", "oq-evt-" + SimulatedIds.alphanumeric(12));
        body.put("event", "payment.success");
        body.put("txnId", issued.reference());
        if (issued.otherReference() != null) {
            body.put("refId", issued.otherReference());
        }
        // OQPay writes amounts as JSON numbers: whole rupees for its own QRs, decimals for another amount paid
        body.put("amount", amount.isWholeRupees() ? (Object) amount.toWholeRupees() : BigDecimal.valueOf(amount.paise(), 2));
        body.put("paymentId", "OQPAY-" + digits(10));
        body.put("utr", digits(12));
        return body;
    }

    private Notification callback(String provider, Map<String, Object> fields) {
        byte[] body = bytes(fields);
        Map<String, String> headers = new LinkedHashMap<>();
        signature(headers, "X-Payorch-Signature", provider, body);
        return new Notification("/v1/webhooks/" + provider, headers, body);
    }

    /** Signs as the provider would; with no secret configured the notification goes unsigned (and is refused). */
    private void signature(Map<String, String> headers, String header, String provider, byte[] body) {
        String secret = providers.properties(provider).getWebhookSecret();
        if (secret != null && !secret.isEmpty()) {
            headers.put(header, HmacSignature.sign(secret, body));
        }
    }

    private byte[] bytes(Map<String, Object> value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digits(int length) {
        StringBuilder s = new StringBuilder(length);
        s.append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 1; i < length; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }
}
