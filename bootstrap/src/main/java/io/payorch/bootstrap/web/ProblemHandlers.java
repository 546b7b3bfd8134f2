package io.payorch.bootstrap.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.payorch.application.ConcurrentUpdateException;
import io.payorch.application.FieldError;
import io.payorch.application.InvalidRequestException;
import io.payorch.application.NotFoundException;
import io.payorch.domain.DomainException;
import io.payorch.domain.IllegalTransitionException;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

import java.util.List;

/** Turns the core's exceptions into problem documents; nothing the caller did wrong becomes a 500. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {InvalidRequestException.class, ExceptionHandler.class})
    static class InvalidRequest implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            return Problem.invalidFields(e.errors()).toResponse();
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {IllegalTransitionException.class, ExceptionHandler.class})
    static class IllegalTransition implements ExceptionHandler<IllegalTransitionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalTransitionException e) {
            return Problem.of(HttpStatus.CONFLICT, "illegal_state", e.getMessage()).toResponse();
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {DomainException.class, ExceptionHandler.class})
    static class Domain implements ExceptionHandler<DomainException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DomainException e) {
            String field = e.field() == null ? "request" : e.field();
            return Problem.invalidFields(List.of(new FieldError(field, e.getMessage()))).toResponse();
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFoundException e) {
            return Problem.of(HttpStatus.NOT_FOUND, "not_found", e.getMessage()).toResponse();
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ConcurrentUpdateException.class, ExceptionHandler.class})
    static class Concurrent implements ExceptionHandler<ConcurrentUpdateException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConcurrentUpdateException e) {
            return Problem.of(HttpStatus.CONFLICT, "concurrent_update", e.getMessage() + "; retry").toResponse();
        }
    }

    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    @Requires(classes = {ConversionErrorException.class, ExceptionHandler.class})
    static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException e) {
            String field = e.getArgument() == null ? "body" : e.getArgument().getName();
            return Problem.malformed(field, "has the wrong type or format").toResponse();
        }
    }

    /** A body whose bytes are not what its {@code Content-Encoding} says (gzip that is not gzip). */
    @Produces
    @Singleton
    @Requires(classes = {DecompressionException.class, ExceptionHandler.class})
    static class Decompression implements ExceptionHandler<DecompressionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DecompressionException e) {
            return Problem.malformed("body", "is not encoded as its Content-Encoding says").toResponse();
        }
    }
}
