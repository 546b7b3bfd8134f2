package io.payorch.application.merchantwebhook;

import java.util.List;

/**
 * A merchant's endpoint fields as sent (create: {@code url} required; update: null leaves a field
 * unchanged). Checked by {@link WebhookEndpointService}.
 */
public record EndpointChange(String url, List<String> events, String description, Boolean enabled) {
}
