package io.payorch.bootstrap.web;

import io.micronaut.openapi.annotation.OpenAPIExclude;
import io.payorch.bootstrap.sandbox.AopSimulatorController;
import io.payorch.bootstrap.sandbox.BosSimulatorController;
import io.payorch.bootstrap.sandbox.DmtSimulatorController;
import io.payorch.bootstrap.sandbox.OqpaySimulatorController;
import io.payorch.bootstrap.sandbox.RazorpaySimulatorController;
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
                @Tag(name = "transfer-otps", description = "Merchant DMT transfer-OTP API (merchant or admin credentials)"),
                @Tag(name = "webhooks", description = "Payment notifications from the providers, authenticated by "
                        + "the signature of their raw body, not by credentials"),
                @Tag(name = "admin", description = "Operations (admin credentials)"),
                @Tag(name = "sandbox", description = "Sandbox only (environment sandbox; 404 elsewhere): make a provider's "
                        + "simulator pay a QR. The simulators themselves, under /sandbox/<provider>, speak each "
                        + "provider's own wire format and are not part of this contract.")
        })
// the simulators impersonate the providers' APIs (their documents are the providers'), not payorch's
@OpenAPIExclude(classes = {AopSimulatorController.class, BosSimulatorController.class, DmtSimulatorController.class,
        OqpaySimulatorController.class, RazorpaySimulatorController.class})
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Client id and secret from payorch.security.merchants.<id>.secret or payorch.security.admins.<id>.secret")
final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
