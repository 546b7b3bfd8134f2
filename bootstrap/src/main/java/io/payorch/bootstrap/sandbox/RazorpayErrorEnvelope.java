package io.payorch.bootstrap.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.payorch.bootstrap.web.Problem;

/**
 * Under {@code /sandbox/razorpay} every error speaks Razorpay, not payorch: a framework answer (no
 * such path 404, wrong method 405, unreadable body 400, 413, 415, a 500) that would be a payorch
 * problem document becomes Razorpay's {@code {"error": {...}}} with the same status, so a Razorpay
 * client (the official SDK) reads it as the real API's error.
 */
@ServerFilter("/sandbox/razorpay/**")
@Requires(env = "sandbox")
class RazorpayErrorEnvelope {

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void speakRazorpay(MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof Problem problem)) {
            return;
        }
        HttpStatus status = response.getStatus();
        String field = problem.errors() == null || problem.errors().isEmpty() ? null : problem.errors().get(0).field();
        ((MutableHttpResponse<Object>) response)
                .body(RazorpaySimulatorController.envelope(status, description(status), field))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String description(HttpStatus status) {
        return switch (status.getCode()) {
            case 404 -> "The requested URL was not found on the server.";
            case 405 -> "The requested HTTP method is not allowed for this URL.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body must be JSON.";
            default -> status.getCode() >= 500
                    ? "The server encountered an error. The incident has been reported to admins."
                    : "The request could not be read.";
        };
    }
}
