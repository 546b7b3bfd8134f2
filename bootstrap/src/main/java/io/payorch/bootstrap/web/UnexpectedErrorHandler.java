package io.payorch.bootstrap.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure of payorch itself: logged with its cause for operations, answered as a problem
 * document that reveals nothing of the internals.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "payorch failed to handle the request; it has been logged").toResponse();
    }
}
