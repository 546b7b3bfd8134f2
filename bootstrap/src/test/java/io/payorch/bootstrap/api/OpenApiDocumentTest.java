package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document as a client downloads it: served as application/yaml, valid OpenAPI 3 with
 * no parser message, a unique operationId per operation, credentials wherever the server asks for
 * them, and a schema for every answer that has a body.
 */
@MicronautTest(environments = "sandbox")
class OpenApiDocumentTest extends ApiTestSupport {

    private OpenAPI document;

    @BeforeAll
    void download() {
        HttpResponse<String> served = api.get("/swagger/payorch-1.0.yml", ApiCalls.admin());
        assertEquals(200, served.statusCode());
        assertEquals("application/yaml", served.headers().firstValue("Content-Type").orElseThrow());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages());
        document = parsed.getOpenAPI();
        assertTrue(document.getOpenapi().startsWith("3."), document.getOpenapi());
    }

    @Test
    void everyOperationHasItsOwnMeaningfulOperationId() {
        Set<String> seen = new HashSet<>();
        operations().forEach((name, operation) -> {
            String id = operation.getOperationId();
            assertTrue(id != null && id.matches("[a-z][A-Za-z]+") && !id.contains("_"), name + ": " + id);
            assertTrue(seen.add(id), "operationId " + id + " is used twice");
        });
        assertTrue(seen.containsAll(List.of("createQrCode", "getQrCode", "closeQrCode", "getQrCodePng", "getQrCodeSvg",
                "sendTransferOtp", "getTransferOtp", "searchQrCodes", "getAdminQrCode", "closeAdminQrCode",
                "searchTransferOtps", "getAdminTransferOtp", "runSweeps", "getStats", "listProviders",
                "receiveRazorpayWebhook", "receiveProviderCallback", "paySandboxQrCode")), seen.toString());
    }

    @Test
    void everyOperationThatTakesCredentialsSaysSoAndAnswers401() {
        operations().forEach((name, operation) -> {
            boolean credentials = name.contains(" /admin/") || (name.contains(" /v1/") && !name.contains("/v1/webhooks/"));
            boolean declared = operation.getSecurity() != null && operation.getSecurity().stream()
                    .anyMatch(requirement -> requirement.containsKey("basicAuth"));
            assertEquals(credentials, declared, name + " security: " + operation.getSecurity());
            if (credentials) {
                assertTrue(operation.getResponses().containsKey("401"), name + " lacks its 401");
            }
            if (name.contains(" /admin/")) {
                assertTrue(operation.getResponses().containsKey("403"), name + " lacks its 403");
            }
        });
        assertTrue(document.getComponents().getSecuritySchemes().get("basicAuth").getScheme().equals("basic"));
    }

    @Test
    void everyAnswerWithABodyHasASchema() {
        operations().forEach((name, operation) -> operation.getResponses().forEach((status, response) -> {
            if (status.equals("204") || (status.equals("202") && (response.getContent() == null
                    || response.getContent().isEmpty()))) {
                return; // no representation: deleted, or accepted to be done by the deliverers
            }
            if (status.equals("304")) {
                assertTrue(response.getContent() == null || response.getContent().isEmpty(), name + " 304 has a body");
                return;
            }
            assertTrue(response.getContent() != null && !response.getContent().isEmpty(), name + " " + status + " has no content");
            for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
                assertTrue(media.getValue().getSchema() != null, name + " " + status + " " + media.getKey() + " has no schema");
                if (!status.startsWith("2")) {
                    assertEquals("application/problem+json", media.getKey(), name + " " + status);
                    assertEquals("#/components/schemas/Problem", ref(response), name + " " + status);
                }
            }
        }));
    }

    @Test
    void requestBodiesThatRefuseUnknownFieldsSaySo() {
        for (String schema : List.of("CreateQrRequest", "CreateQrRequest.Customer", "SendTransferOtpRequest", "SandboxPayment")) {
            assertEquals(Boolean.FALSE, document.getComponents().getSchemas().get(schema).getAdditionalProperties(), schema);
        }
        assertEquals("integer", parameter("get /admin/qr-codes", "limit").getSchema().getType());
        assertEquals("integer", parameter("get /v1/qr-codes/{id}/image.png", "size").getSchema().getType());
        io.swagger.v3.oas.models.media.Schema<?> amount = (io.swagger.v3.oas.models.media.Schema<?>)
                document.getComponents().getSchemas().get("CreateQrRequest").getProperties().get("amount");
        assertTrue(amount.getPattern() != null, "amount has no pattern");
    }

    private io.swagger.v3.oas.models.parameters.Parameter parameter(String operation, String name) {
        return operations().get(operation).getParameters().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String ref(ApiResponse response) {
        return response.getContent().values().iterator().next().getSchema().get$ref();
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> all = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    all.put(method.name().toLowerCase() + " " + path.getKey(), operation));
        }
        assertTrue(all.size() >= 18, "operations: " + all.keySet());
        return all;
    }
}
