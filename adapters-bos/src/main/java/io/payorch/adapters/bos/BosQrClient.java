package io.payorch.adapters.bos;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderAnswer;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.wire.V4QrFormat;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BOS's V4 DynamicQRCode: {@code POST /api/BOS/V4/DynamicQRCode} with AOPay's body and answer,
 * authorised by a bearer token valid 600 s. The token comes from BOS's token endpoint
 * ({@link BosCredentials#tokenPath()}): {@code POST {"username", "password"}} answered by
 * {@code {"access_token", "token_type": "Bearer", "expires_in": 600}} ({@code token} and
 * {@code expiresIn} are read too). A 401 on the QR call drops the token, fetches a new one and
 * retries once: BOS did not process a request it refused to authorise, so the retry cannot
 * create a second QR.
 */
public final class BosQrClient implements QrProviderPort {

    public static final String PATH = "/api/BOS/V4/DynamicQRCode";
    /** BOS's page: "The generated token is valid for 600 seconds." */
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(600);

    private final ProviderEndpoint endpoint;
    private final ProviderTransport transport;
    private final BosCredentials credentials;
    private final BearerTokenCache tokens;

    public BosQrClient(ProviderEndpoint endpoint, ProviderTransport transport, BosCredentials credentials, Clock clock) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.credentials = credentials;
        this.tokens = new BearerTokenCache(this::fetchToken, clock, credentials.safetyMargin());
    }

    @Override
    public Provider provider() {
        return Provider.BOS;
    }

    @Override
    public boolean enabled() {
        return endpoint.enabled();
    }

    @Override
    public List<FieldError> check(QrProviderRequest request) {
        return V4QrFormat.check(Provider.BOS, request);
    }

    @Override
    public ProviderOutcome<ProviderQr> create(QrProviderRequest request) {
        Map<String, Object> body = V4QrFormat.request(request);

        ProviderOutcome<String> token = tokens.current();
        if (!(token instanceof ProviderOutcome.Accepted<String> first)) {
            return new ProviderOutcome.NotAttempted<>("no BOS bearer token: " + describe(token));
        }
        ProviderOutcome<ProviderQr> outcome = send(body, first.value());
        if (!refusedToken(outcome)) {
            return outcome;
        }
        tokens.invalidate(first.value());
        token = tokens.current();
        if (!(token instanceof ProviderOutcome.Accepted<String> fresh)) {
            return new ProviderOutcome.NotAttempted<>("BOS refused the bearer token and none could be fetched: "
                    + describe(token));
        }
        outcome = send(body, fresh.value());
        if (refusedToken(outcome)) {
            tokens.invalidate(fresh.value());
            return new ProviderOutcome.NotAttempted<>("BOS refused a freshly issued bearer token (HTTP 401)");
        }
        return outcome;
    }

    private ProviderOutcome<ProviderQr> send(Map<String, Object> body, String token) {
        Map<String, String> headers = new HashMap<>(endpoint.extraHeaders());
        headers.put("Authorization", "Bearer " + token);
        return transport.exchange("POST", endpoint.resolve(PATH), headers, body,
                answer -> answer.status() == 401
                        ? new ProviderOutcome.Rejected<>("401", "bearer token refused",
                                ProviderOutcome.Reason.AUTHENTICATION_FAILED)
                        : V4QrFormat.read(Provider.BOS, answer));
    }

    private static boolean refusedToken(ProviderOutcome<ProviderQr> outcome) {
        return outcome instanceof ProviderOutcome.Rejected<ProviderQr> r
                && r.reason() == ProviderOutcome.Reason.AUTHENTICATION_FAILED;
    }

    private ProviderOutcome<BearerToken> fetchToken() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", credentials.username());
        body.put("password", credentials.password());
        return transport.exchange("POST", tokenUri(), endpoint.extraHeaders(), body, BosQrClient::readToken);
    }

    /** The token endpoint: a path under the BOS base URL, or an absolute URL where BOS issues tokens elsewhere. */
    private URI tokenUri() {
        String configured = credentials.tokenPath();
        return configured.startsWith("http://") || configured.startsWith("https://") ? URI.create(configured)
                : endpoint.resolve(configured);
    }

    private static ProviderOutcome<BearerToken> readToken(ProviderAnswer answer) {
        String code = answer.text("subCode").orElse(String.valueOf(answer.status()));
        String message = answer.text("message").orElse("token refused");
        if (answer.status() < 200 || answer.status() >= 300 || !answer.readable()) {
            return answer.failureOutcome(code, message);
        }
        var value = answer.text("access_token").or(() -> answer.text("token"));
        if (value.isEmpty()) {
            return new ProviderOutcome.Rejected<>(code, message, answer.rejectionReason());
        }
        Duration lifetime = DEFAULT_TOKEN_LIFETIME;
        var seconds = answer.text("expires_in").or(() -> answer.text("expiresIn"));
        if (seconds.isPresent()) {
            try {
                lifetime = Duration.ofSeconds(new BigDecimal(seconds.get()).longValue());
            } catch (NumberFormatException e) {
                return new ProviderOutcome.Unknown<>("unreadable token lifetime", false);
            }
        }
        return new ProviderOutcome.Accepted<>(new BearerToken(value.get(), lifetime));
    }

    private static String describe(ProviderOutcome<?> failure) {
        String said = failure.describe(token -> "token issued");
        return failure instanceof ProviderOutcome.Rejected ? "token endpoint refused (" + said + ")" : said;
    }
}
