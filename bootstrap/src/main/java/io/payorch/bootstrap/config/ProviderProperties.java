package io.payorch.bootstrap.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code payorch.providers.<aop|oqpay|bos|razorpay|dmt>.*}: every setting can come from the
 * environment, e.g. {@code PAYORCH_PROVIDERS_AOP_BASE_URL}. Secrets are never logged or shown.
 */
@EachProperty("payorch.providers")
public class ProviderProperties {

    private final String name;
    private boolean enabled = true;
    private URI baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Map<String, String> headers = new HashMap<>();
    private String username;
    private String password;
    private String webhookSecret;
    private String previousWebhookSecret;

    public ProviderProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    @Nullable public URI getBaseUrl() { return baseUrl; }
    public void setBaseUrl(@Nullable URI baseUrl) { this.baseUrl = baseUrl; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getReadTimeout() { return readTimeout; }
    public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
    public Map<String, String> getHeaders() { return headers; }
    public void setHeaders(Map<String, String> headers) { this.headers = headers; }
    /** Key id, client id or account user, depending on the provider. */
    @Nullable public String getUsername() { return username; }
    public void setUsername(@Nullable String username) { this.username = username; }
    /** Key secret or client secret. */
    @Nullable public String getPassword() { return password; }
    public void setPassword(@Nullable String password) { this.password = password; }
    /** HMAC secret of this provider's payment notifications. */
    @Nullable public String getWebhookSecret() { return webhookSecret; }
    public void setWebhookSecret(@Nullable String webhookSecret) { this.webhookSecret = webhookSecret; }
    /** The secret before the last rotation, still accepted until removed (providers keep signing retries with it). */
    @Nullable public String getPreviousWebhookSecret() { return previousWebhookSecret; }
    public void setPreviousWebhookSecret(@Nullable String previousWebhookSecret) { this.previousWebhookSecret = previousWebhookSecret; }
}
