package io.payorch.application.admin;

/** A provider's configuration as it may be shown: base URL without user info, auth mode, no secret. */
public record ProviderSettings(String name, boolean enabled, String baseUrl, String authMode) {
}
