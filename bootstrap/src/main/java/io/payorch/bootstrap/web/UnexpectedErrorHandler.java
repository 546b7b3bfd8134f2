package io.payorch.bootstrap.web;

import io.micronaut.http.HttpHeaders;
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
 * document that reveals nothing of the internals. A database that cannot be reached (PostgreSQL
 * restarting, the pool exhausted) is not a defect: 503 {@code database_unavailable} with
 * {@code Retry-After}, logged without a stack trace.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {

    /** Seconds a client should wait: about what a PostgreSQL restart or fail-over takes to accept connections. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(e));
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                            "payorch's database cannot be reached at the moment; retry after the delay given.")
                    .toResponse().header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "payorch failed to handle the request; it has been logged").toResponse();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
