package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What every simulator does with a trigger that is not about the provider's own format: a slow
 * answer (scheduled, so no server thread waits), an HTML 500, a truncated JSON body.
 */
@Singleton
@Requires(env = "sandbox")
public class SimulatorResponses {

    private final TaskScheduler scheduler;
    private final Duration slowAnswerDelay;

    SimulatorResponses(@Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                       @Value("${payorch.sandbox.slow-answer-delay:15s}") Duration slowAnswerDelay) {
        this.scheduler = scheduler;
        this.slowAnswerDelay = slowAnswerDelay;
    }

    /**
     * The {@code {"status": "ERROR", "subCode": "400", "message"}} rejection that the AOPay, BOS
     * and OQPay pages document.
     */
    public static MutableHttpResponse<?> statusError(String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "ERROR");
        answer.put("subCode", "400");
        answer.put("message", message);
        return HttpResponse.badRequest(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Answers {@code normal} for no trigger, or what the trigger asks for. */
    public CompletableFuture<MutableHttpResponse<?>> answer(SandboxTrigger trigger,
                                                            Supplier<MutableHttpResponse<?>> rejection,
                                                            Supplier<MutableHttpResponse<?>> normal) {
        return switch (trigger) {
            case REJECT -> CompletableFuture.completedFuture(rejection.get());
            case FAIL500 -> CompletableFuture.completedFuture(HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(MediaType.TEXT_HTML_TYPE)
                    .body("<html><body><h1>500 Internal Server Error</h1></body></html>"));
            case GARBAGE -> CompletableFuture.completedFuture(HttpResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"status\": \"active\", \"UPIIntend\": \"upi://pay?pa="));
            case TIMEOUT -> {
                CompletableFuture<MutableHttpResponse<?>> later = new CompletableFuture<>();
                scheduler.schedule(slowAnswerDelay, () -> later.complete(normal.get()));
                yield later;
            }
            case NONE, SHORTLIVED -> CompletableFuture.completedFuture(normal.get());
        };
    }
}
