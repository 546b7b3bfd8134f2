package io.payorch.application.port.out;

import io.payorch.application.merchantwebhook.TransportResult;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs one signed webhook: {@code Content-Type: application/json}, the connect and whole-attempt
 * timeouts, redirects not followed. Never completes exceptionally: a failure is a result with an error.
 */
public interface WebhookTransport {
    CompletableFuture<TransportResult> post(URI uri, Map<String, String> headers, byte[] body);
}
