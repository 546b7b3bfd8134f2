package io.payorch.application.port.in;

import java.util.Map;

/**
 * A merchant's request for a dynamic QR, as received. {@link io.payorch.application.service.QrIntentService}
 * checks every field and answers all problems at once.
 *
 * @param provider {@code AOP}, {@code OQPAY}, {@code BOS}, {@code RAZORPAY}, or null for routing
 * @param usage    {@code single_use} (default) or {@code multiple_use}
 * @param closeBy  ISO-8601 instant, optional
 */
public record CreateQrCommand(String registrationId, String amount, String provider, String usage,
                              Customer customer, String description, String closeBy, Map<String, String> notes) {

    public record Customer(String name, String mobile, String email) {
    }
}
