package io.payorch.bootstrap.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.payorch.bootstrap.web.Problem;
import jakarta.inject.Singleton;

/** 401 (with a Basic challenge) and 403 as problem documents, like every other error. */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {

    private final AuthenticationFailures failures;

    AuthorizationProblemHandler(AuthenticationFailures failures) {
        this.failures = failures;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
        if (e.isForbidden()) {
            return Problem.of(HttpStatus.FORBIDDEN, "forbidden", "These credentials may not use this endpoint.")
                    .toResponse();
        }
        failures.recordIfUnread(request);
        return Problem.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "HTTP Basic credentials of a configured API client are required.")
                .toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"payorch\", charset=\"UTF-8\"");
    }
}
