package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * AOPay DMT "Transaction Send OTP", simulated under {@code /sandbox/dmt}, answering exactly as the
 * page's examples: a remitter mobile ending in {@code 0000} gets the 202 "Remitter not registered",
 * ending in {@code 1111} the 401 "Authentication failed", any other the 200 "OTP has been send".
 * The registration id's {@code -TIMEOUT}, {@code -FAIL500} and {@code -GARBAGE} triggers work as
 * for every simulator; {@code -REJECT} gets the page's only documented refusal, the 401. Like the
 * real provider it keeps nothing and logs nothing of the personal data it receives.
 */
@Controller("/sandbox/dmt")
@Requires(env = "sandbox")
public class DmtSimulatorController {

    static final List<String> KEYS = List.of("MobileNumber", "BeneID", "Txntype", "Amount", "Pincode", "Address",
            "DOB", "Latitude", "Longitute", "RegistrationID");
    private static final String SENT = "OTP has been send to the remitter mobile number.";

    private final SimulatorResponses responses;

    DmtSimulatorController(SimulatorResponses responses) {
        this.responses = responses;
    }

    @Post("/api/AOP/DMTV1/TransactionSendOtp")
    CompletableFuture<MutableHttpResponse<?>> transactionSendOtp(@Body @Nullable Map<String, Object> body) {
        for (String key : KEYS) {
            Object value = body == null ? null : body.get(key);
            if (!(value instanceof String text) || text.isBlank()) {
                return CompletableFuture.completedFuture(refusal(key + " is required"));
            }
        }
        String mobile = (String) body.get("MobileNumber");
        return responses.answer(SandboxTrigger.of((String) body.get("RegistrationID")),
                DmtSimulatorController::authenticationFailed, () -> answerFor(mobile));
    }

    private static MutableHttpResponse<?> answerFor(String mobile) {
        if (mobile.endsWith("1111")) {
            return authenticationFailed();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (mobile.endsWith("0000")) {
            answer.put("status", false);
            answer.put("response_code", 0);
            answer.put("stateresp", UUID.randomUUID().toString());
            answer.put("message", "Remitter not registered OTP sent for new registration.");
            return HttpResponse.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON_TYPE).body(answer);
        }
        answer.put("status", true);
        answer.put("response_code", 1);
        answer.put("message", SENT);
        answer.put("stateresp", String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000)));
        answer.put("Status", "True");
        answer.put("Value", SENT);
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpResponse<?> authenticationFailed() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("response_code", 11);
        answer.put("status", false);
        answer.put("message", "Authentication failed");
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON_TYPE).body(answer);
    }

    /** Not on the page: a request missing a documented key gets the 200 schema's shape with status false. */
    private static MutableHttpResponse<?> refusal(String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", false);
        answer.put("response_code", 0);
        answer.put("message", message);
        return HttpResponse.badRequest(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
