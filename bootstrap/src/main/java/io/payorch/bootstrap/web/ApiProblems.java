package io.payorch.bootstrap.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers many operations share, as meta-annotations read by micronaut-openapi: an
 * operation (or a whole controller) lists each once, and the document says the same thing
 * everywhere. Operation-specific answers stay on the operation. A new controller (webhook
 * endpoints, events) takes {@link Merchant} or {@link Admin} plus what it adds.
 */
public final class ApiProblems {

    /** The media type of every problem answer. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiProblems() {
    }

    /** 414 and 431: any request whose line or headers are too long (Netty's limits, before routing). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "414", description = "The request line (method, path and query) is over 4 KiB "
            + "(code uri_too_long)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "431", description = "The headers are over 8 KiB (code headers_too_large)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Limits {
    }

    /** 403: a browser's cross-origin request from an origin not in {@code payorch.cors.allowed-origins}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "403", description = "A cross-origin request from an origin that is not allowed "
            + "(code origin_not_allowed)", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface CrossOrigin {
    }

    /** 401 and 406 (and {@link Limits}): every operation that takes credentials. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Limits
    @ApiResponse(responseCode = "401", description = "No or wrong credentials (`WWW-Authenticate: Basic realm=\"payorch\"`)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "406", description = "The Accept header admits no representation this operation answers",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "The database cannot be reached (code database_unavailable); "
            + "nothing was done that a retry could repeat: retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", required = true, description = "seconds to wait",
                    schema = @Schema(type = "integer", minimum = "0")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "500", description = "payorch itself failed (code internal_error; logged with the "
            + "request id). Never an answer to bad input. A request with an Idempotency-Key keeps its claim, as it may "
            + "have reached a provider: its retry waits (409) until the claim can be taken over",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Authenticated {
    }

    /** {@link Authenticated}, {@link CrossOrigin} and 429: every merchant operation (a merchant may have a rate limit). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Authenticated
    @CrossOrigin
    @ApiResponse(responseCode = "429", description = "This merchant is over its rate limit (code rate_limited); "
            + "retry after Retry-After seconds. Every answer to a rate-limited merchant carries the RateLimit-Policy "
            + "and RateLimit headers (draft-ietf-httpapi-ratelimit-headers)",
            headers = @Header(name = "Retry-After", required = true, description = "seconds to wait",
                    schema = @Schema(type = "integer", minimum = "0")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Merchant {
    }

    /** {@link Authenticated} and 403: every admin operation (merchant credentials get 403). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Authenticated
    @ApiResponse(responseCode = "403", description = "Merchant credentials: admins only (code forbidden); or a "
            + "cross-origin request from an origin that is not allowed (origin_not_allowed)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Admin {
    }

    /** 400: a bad field or parameter, each named in {@code errors[]}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "400", description = "Invalid input (code validation_failed or malformed_request); "
            + "each bad field or parameter is named in errors[]; nothing was changed",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    /** 400, 413 and 415: an operation that reads a JSON body strictly ({@link StrictJson}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @BadRequest
    @ApiResponse(responseCode = "413", description = "Body larger than 64 KiB (code payload_too_large)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "Body not sent as application/json (code unsupported_media_type), "
            + "or in a Content-Encoding payorch does not read (code unsupported_content_encoding; gzip and deflate are read)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface JsonBody {
    }

    /** 404: the id names nothing. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "404", description = "No such resource, or another merchant's (answered the same; code not_found)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "400", description = "An id (or any parameter) with a NUL character, which no id "
            + "holds (code validation_failed, errors[] naming it)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /** 502 and 504: the provider was called and gave no usable answer in time; the resource is in {@code resource}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "502", description = "No usable provider answer (provider_unknown_outcome: UNKNOWN until "
            + "reconciled; provider_unavailable: nothing reached the provider; provider_authentication_failed); "
            + "the provider's own answer in provider",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "504", description = "The provider did not answer in time (provider_timeout): the "
            + "outcome is UNKNOWN until reconciled",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface ProviderFailures {
    }
}
