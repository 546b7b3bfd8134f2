package io.payorch.bootstrap.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.payorch.application.ProviderCallFailedException;
import io.payorch.application.ProviderFailure;
import jakarta.inject.Singleton;

/** A provider that did not do what was asked (e.g. closing a Razorpay QR): 422, 502 or 504 with its answer. */
@Produces
@Singleton
@Requires(classes = {ProviderCallFailedException.class, ExceptionHandler.class})
class LifecycleProblemHandlers implements ExceptionHandler<ProviderCallFailedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProviderCallFailedException e) {
        ProviderFailure failure = e.failure();
        String provider = failure.provider();
        Problem problem = switch (failure.kind()) {
            case AUTHENTICATION_FAILED -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_authentication_failed",
                    provider + " refused payorch's credentials; nothing changed");
            case REJECTED -> Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "provider_rejected",
                    provider + " refused: " + failure.message() + "; nothing changed");
            case TIMED_OUT -> Problem.of(HttpStatus.GATEWAY_TIMEOUT, "provider_timeout",
                    provider + " did not answer in time; nothing changed, retry");
            case UNKNOWN -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_unknown_outcome",
                    provider + " gave no usable answer; nothing changed, retry");
            case NOT_ATTEMPTED -> Problem.of(HttpStatus.BAD_GATEWAY, "provider_unavailable",
                    provider + " could not be reached; nothing changed");
        };
        return problem.withProvider(Problem.ProviderError.of(failure)).toResponse();
    }
}
