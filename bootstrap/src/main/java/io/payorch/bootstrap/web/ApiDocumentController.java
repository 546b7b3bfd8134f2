package io.payorch.bootstrap.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document generated at build time as {@code application/yaml} (RFC 9512); the
 * static-resource mapping of {@code /swagger/**} would answer {@code text/plain}, since Micronaut
 * knows no media type for {@code .yml}. Who may read it is {@code payorch.security.open-ops-endpoints}.
 */
@Hidden
@Controller("/swagger")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiDocumentController {

    static final String DOCUMENT = "payorch-1.0.yml";
    static final String APPLICATION_YAML = "application/yaml";

    private final byte[] document;

    ApiDocumentController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:META-INF/swagger/" + DOCUMENT)
                .orElseThrow(() -> new IllegalStateException("META-INF/swagger/" + DOCUMENT + " is missing: "
                        + "micronaut-openapi writes it at compile time"))) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/" + DOCUMENT, produces = APPLICATION_YAML)
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(APPLICATION_YAML);
    }
}
