package io.payorch.bootstrap.support;

import io.micronaut.http.MutableHttpRequest;

/** The sandbox's API clients (application-sandbox.yml), for tests that call the API. */
public final class Credentials {

    public static final String MERCHANT = "sandbox-merchant";
    public static final String MERCHANT_SECRET = "sandbox-secret";
    public static final String ADMIN = "sandbox-admin";
    public static final String ADMIN_SECRET = "sandbox-admin-secret";

    private Credentials() {
    }

    public static <T> MutableHttpRequest<T> asMerchant(MutableHttpRequest<T> request) {
        return request.basicAuth(MERCHANT, MERCHANT_SECRET);
    }

    public static <T> MutableHttpRequest<T> asAdmin(MutableHttpRequest<T> request) {
        return request.basicAuth(ADMIN, ADMIN_SECRET);
    }
}
