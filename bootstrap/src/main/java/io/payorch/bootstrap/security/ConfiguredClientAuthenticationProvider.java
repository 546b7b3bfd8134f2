package io.payorch.bootstrap.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * HTTP Basic against the configured merchants and admins. A failure is counted and logged with
 * the client id ({@link AuthenticationFailures}), never the secret. CPU only (a digest), so it may
 * run anywhere.
 */
@Singleton
class ConfiguredClientAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final ApiClientDirectory directory;
    private final AuthenticationFailures failures;

    ConfiguredClientAuthenticationProvider(ApiClientDirectory directory, AuthenticationFailures failures) {
        this.directory = directory;
        this.failures = failures;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        ApiClientDirectory.Verification verification = directory.check(credentials.getIdentity(), credentials.getSecret());
        if (verification.client().isEmpty()) {
            failures.record(verification.failure(), credentials.getIdentity(), request);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        ApiClientDirectory.ApiClient client = verification.client().get();
        return AuthenticationResponse.success(client.id(), List.of(client.role()));
    }
}
