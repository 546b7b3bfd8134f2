package io.payorch.bootstrap.console;

import io.micronaut.http.HttpRequest;

/**
 * The admin behind a console request, put on the request by {@link ConsoleSessionFilter}.
 *
 * @param formToken the anti-forgery token every state-changing form of this session carries
 */
record ConsoleUser(String adminId, String sessionToken, String formToken) {

    static final String ATTRIBUTE = "payorch.console.user";

    static ConsoleUser of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ConsoleUser.class)
                .orElseThrow(() -> new IllegalStateException("console request without a session: " + request.getPath()));
    }
}
