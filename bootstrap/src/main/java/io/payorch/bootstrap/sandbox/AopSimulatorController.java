package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** AOPay's V4 DynamicQRCode, simulated under {@code /sandbox/aop}. */
@Controller("/sandbox/aop")
@Requires(env = "sandbox")
public class AopSimulatorController {

    private final V4QrSimulator simulator;

    AopSimulatorController(Clock clock, SimulatorResponses responses) {
        this.simulator = new V4QrSimulator("AOP", "payorch.aop@sandbox", clock, responses);
    }

    /** The QRs this simulator issued, for sandbox payments. */
    public SimulatedQrRegistry issued() {
        return simulator.issued();
    }

    @Post("/api/AOP/V4/DynamicQRCode")
    CompletableFuture<MutableHttpResponse<?>> dynamicQr(@Body @Nullable Map<String, Object> body) {
        return simulator.create(body);
    }
}
