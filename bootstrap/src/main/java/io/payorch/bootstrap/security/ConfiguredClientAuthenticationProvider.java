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

/** HTTP Basic against the configured merchants and admins. CPU only (a digest), so it may run anywhere. */
@Singleton
class ConfiguredClientAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final ApiClientDirectory directory;

    ConfiguredClientAuthenticationProvider(ApiClientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        return directory.verify(credentials.getIdentity(), credentials.getSecret())
                .map(c -> AuthenticationResponse.success(c.id(), List.of(c.role())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
