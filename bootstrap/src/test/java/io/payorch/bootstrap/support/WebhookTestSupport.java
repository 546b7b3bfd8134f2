package io.payorch.bootstrap.support;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of a test of the merchant webhook API: {@link ApiTestSupport} plus {@link #hooks}, ready
 * before the subclass's own {@code @BeforeAll}.
 */
public abstract class WebhookTestSupport extends ApiTestSupport {

    @Inject
    protected JsonMapper json;

    protected WebhookApi hooks;

    @BeforeAll
    void webhookApiOnTheServer() {
        hooks = new WebhookApi(api, json);
    }
}
