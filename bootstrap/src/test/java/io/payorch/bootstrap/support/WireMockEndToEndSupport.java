package io.payorch.bootstrap.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * An end-to-end test whose providers are WireMock stubs answering like their pages: the stub is
 * up before the application starts, so that {@link #providerProperties()} can point base URLs at it.
 */
public abstract class WireMockEndToEndSupport extends EndToEndSupport {

    protected final WireMockServer wireMock = started();

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(80));
        server.start();
        return server;
    }

    @BeforeEach
    void resetStubs() {
        wireMock.resetAll();
    }

    @AfterAll
    void stopStubs() {
        wireMock.stop();
    }
}
