package io.payorch.bootstrap.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Request bodies may be sent {@code gzip} or {@code deflate} (and their {@code x-} aliases): the
 * server inflates them before anything reads the body and drops the header. A {@code Content-Encoding}
 * still present here is one it could not decode ({@code br}, {@code zstd}, {@code compress}, a list
 * of several): 415 with {@code Accept-Encoding} naming what it reads (RFC 9110 §15.5.16), rather than
 * reading the encoded bytes as if they were JSON. {@code identity} is no encoding. A body that is not
 * what its encoding says is refused where it is inflated ({@link ProblemHandlers.Decompression}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ContentEncodingFilter implements Ordered {

    static final String READABLE = "gzip, deflate";

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseUnreadableEncoding(HttpRequest<?> request) {
        String encoding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || encoding.isBlank() || "identity".equalsIgnoreCase(encoding.trim())) {
            return null;
        }
        return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_content_encoding",
                        "The request body's Content-Encoding is not one payorch reads: send it as gzip, deflate or "
                                + "not encoded.")
                .toResponse().header(HttpHeaders.ACCEPT_ENCODING, READABLE);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
