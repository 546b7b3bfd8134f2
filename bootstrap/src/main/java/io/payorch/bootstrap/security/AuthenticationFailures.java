package io.payorch.bootstrap.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * Failed authentications: {@code payorch_auth_failures_total{reason}} ({@code unknown_client},
 * {@code wrong_secret}, {@code malformed_credentials}) and one warning per failure naming the client
 * id as presented (made safe for a log line) and the path, never the secret.
 */
@Singleton
class AuthenticationFailures {

    static final String MALFORMED = "malformed_credentials";
    private static final String RECORDED = "payorch.auth.failure";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFailures.class);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@:-]");
    private static final int LONGEST_ID = 64;

    private final MeterRegistry meters;

    AuthenticationFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(String reason, @Nullable String clientId, @Nullable HttpRequest<?> request) {
        if (request != null) {
            request.setAttribute(RECORDED, reason);
        }
        Counter.builder("payorch.auth.failures").description("Failed authentications, by reason")
                .tag("reason", reason).register(meters).increment();
        LOG.warn("authentication failed ({}) for client id '{}' on {} {}", reason, printable(clientId),
                request == null ? "-" : request.getMethodName(), request == null ? "-" : request.getPath());
    }

    /**
     * For a request answered 401: credentials were sent but never reached a client check (not
     * Basic, not base64, no colon), so they are counted here as malformed.
     */
    void recordIfUnread(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION) && request.getAttribute(RECORDED).isEmpty()) {
            record(MALFORMED, null, request);
        }
    }

    /** The id as a caller sent it cannot break a log line or fill the disk. */
    static String printable(@Nullable String clientId) {
        if (clientId == null) {
            return "";
        }
        String cut = clientId.length() > LONGEST_ID ? clientId.substring(0, LONGEST_ID) + "..." : clientId;
        return UNSAFE.matcher(cut).replaceAll("?");
    }
}
