package io.payorch.bootstrap.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.ProviderPages;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With tracing on (spans kept in memory instead of sent over OTLP), a QR created through AOPay over
 * real HTTP makes the request's SERVER span and, as its child, the provider call's CLIENT span with
 * the provider and the outcome and nothing else; AOPay receives that span's W3C {@code traceparent};
 * the request's log lines carry its trace id.
 */
@MicronautTest(environments = "sandbox")
class TracingTest extends ApiTestSupport {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    /** Only in this test's context: every other test runs with tracing off. */
    @Factory
    @Requires(property = "payorch.test.spans-in-memory", value = "true")
    static class InMemorySpans {
        @Singleton
        SpanProcessor inMemory() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    private final WireMockServer aop = started();
    private final List<ILoggingEvent> accessLines = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            accessLines.add(event);
        }
    };

    private static WireMockServer started() {
        WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        return wireMock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("otel.sdk.disabled", "false", "payorch.tracing.paths", "/**", "otel.traces.exporter", "none",
                "payorch.test.spans-in-memory", "true", "payorch.providers.aop.base-url", aop.baseUrl());
    }

    @BeforeAll
    void captureAccessLines() {
        Logger access = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("payorch.access");
        capture.setContext(access.getLoggerContext());
        capture.start();
        access.addAppender(capture);
    }

    @AfterAll
    void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("payorch.access").detachAppender(capture);
        aop.stop();
    }

    @Test
    void theProviderCallIsAChildSpanOfTheRequestAndTheProviderReceivesItsTraceparent() throws Exception {
        aop.stubFor(post(urlPathEqualTo("/api/AOP/V4/DynamicQRCode")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ProviderPages.aopSuccessValidForADay())));

        HttpResponse<String> created = api.post("/v1/qr-codes",
                ApiCalls.merchant(), "{\"registrationId\":\"TRACE-1\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String requestId = created.headers().firstValue("X-Request-Id").orElseThrow();

        SpanData request = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/v1/qr-codes"));
        SpanData call = awaitSpan(s -> s.getName().equals("provider aop"));
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals(request.getTraceId(), call.getTraceId(), "one trace");
        assertEquals(request.getSpanId(), call.getParentSpanId(), "the provider call is the request's child");
        Map<String, String> attributes = call.getAttributes().asMap().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().getKey(), e -> String.valueOf(e.getValue())));
        assertEquals(Map.of("payorch.provider", "aop", "payorch.outcome", "accepted", "http.request.method", "POST"),
                attributes, "provider, outcome and method; never a URL, body, secret or personal data");
        assertTrue(call.getEndEpochNanos() > call.getStartEpochNanos(), "the call's duration");

        List<LoggedRequest> received = aop.findAll(postRequestedFor(urlPathEqualTo("/api/AOP/V4/DynamicQRCode")));
        assertEquals(1, received.size());
        assertEquals("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01", received.get(0).getHeader("traceparent"));

        Set<String> traceIds;
        synchronized (accessLines) {
            traceIds = accessLines.stream().filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
                    .map(e -> e.getMDCPropertyMap().get("traceId")).collect(Collectors.toSet());
        }
        assertEquals(Collections.singleton(request.getTraceId()), traceIds, "the access line carries the trace id");
    }

    private static SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (SpanData span : SPANS.getFinishedSpanItems()) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such span among " + SPANS.getFinishedSpanItems());
    }
}
