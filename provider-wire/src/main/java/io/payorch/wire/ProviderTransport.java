package io.payorch.wire;

import io.payorch.application.port.out.ProviderOutcome;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * One provider's HTTP connection, as the adapters need it: send a JSON object, read a JSON object.
 * Implemented in bootstrap with the Micronaut HTTP client and that provider's timeouts. Adapters
 * map their wire formats; the transport classifies calls that got no answer: a refused connection
 * is not attempted, a timeout or a broken connection is unknown.
 */
public interface ProviderTransport {

    /**
     * Sends the request and hands the answer, whatever its HTTP status, to {@code reader}.
     *
     * @param method   "GET" or "POST"
     * @param body     a JSON-serialisable object (maps, lists, strings, numbers), or null for none
     */
    <T> ProviderOutcome<T> exchange(String method, URI uri, Map<String, String> headers, Object body,
                                    Function<ProviderAnswer, ProviderOutcome<T>> reader);
}
