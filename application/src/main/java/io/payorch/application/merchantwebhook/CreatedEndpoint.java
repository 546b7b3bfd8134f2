package io.payorch.application.merchantwebhook;

/** A new endpoint and its signing secret, shown to the merchant this once. */
public record CreatedEndpoint(WebhookEndpoint endpoint, WebhookSecret secret) {
}
