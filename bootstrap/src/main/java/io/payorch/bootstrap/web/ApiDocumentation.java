package io.payorch.bootstrap.web;

import io.micronaut.openapi.annotation.OpenAPIExclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's head. micronaut-openapi writes the document at compile time to
 * {@code META-INF/swagger/payorch-1.0.yml}; it is served at {@code /swagger/payorch-1.0.yml} and
 * rendered by Swagger UI at {@code /swagger-ui} (open or admin-only: payorch.security.open-ops-endpoints).
 */
@OpenAPIDefinition(
        info = @Info(title = "payorch", version = "1.0",
                description = "Payment orchestration: dynamic UPI QR codes through AOPay, OQPay, BOS and Razorpay, "
                        + "DMT transfer OTPs through AOPay, and the admin API. Amounts are decimal rupee strings "
                        + "(\"10.50\"), times ISO-8601 UTC, errors RFC 9457 application/problem+json with a stable "
                        + "code and errors[] naming each bad field. Every response carries X-Request-Id."),
        tags = {
                @Tag(name = "qr-codes", description = "Merchant QR API (merchant or admin credentials)"),
                @Tag(name = "admin", description = "Operations (admin credentials)")
        })
@OpenAPIExclude(packages = "io.payorch.bootstrap.sandbox")
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Client id and secret from payorch.security.merchants.<id>.secret or payorch.security.admins.<id>.secret")
final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
