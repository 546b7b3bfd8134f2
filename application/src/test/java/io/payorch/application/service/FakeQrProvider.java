package io.payorch.application.service;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;

import java.util.ArrayList;
import java.util.List;

/**
 * A provider port whose create, fetch and close answers the test sets; records the calls it got.
 * It can be switched off or refuse a request in {@link #check} as a real adapter would.
 */
final class FakeQrProvider implements QrProviderPort {

    private final Provider provider;
    private final boolean closesAtProvider;
    ProviderOutcome<ProviderQr> fetchAnswer;
    ProviderOutcome<ProviderQr> closeAnswer;
    /** What create answers; an unexpected create call fails the test. */
    ProviderOutcome<ProviderQr> createAnswer;
    boolean enabled = true;
    /** What check answers, e.g. an OQPay-like minimum. */
    List<FieldError> problems = List.of();
    final List<String> calls = new ArrayList<>();
    /** Runs on every fetch, before it answers. */
    Runnable onFetch = () -> { };

    FakeQrProvider(Provider provider, boolean closesAtProvider) {
        this.provider = provider;
        this.closesAtProvider = closesAtProvider;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<FieldError> check(QrProviderRequest request) {
        return problems;
    }

    @Override
    public ProviderOutcome<ProviderQr> create(QrProviderRequest request) {
        calls.add("create " + request.qrId());
        if (createAnswer == null) {
            throw new AssertionError(provider + " was not expected to be asked for a QR");
        }
        return createAnswer;
    }

    /** An accepted create whose QR carries this UPI intent and reference. */
    void issues(String upiIntent) {
        createAnswer = new ProviderOutcome.Accepted<>(new ProviderQr(provider, provider + "-REF", upiIntent, null,
                null));
    }

    @Override
    public boolean closesAtProvider() {
        return closesAtProvider;
    }

    @Override
    public ProviderOutcome<ProviderQr> close(String providerReference) {
        calls.add("close " + providerReference);
        return closeAnswer;
    }

    @Override
    public ProviderOutcome<ProviderQr> fetch(String qrId, String providerReference) {
        calls.add("fetch " + qrId);
        onFetch.run();
        return fetchAnswer == null ? QrProviderPort.super.fetch(qrId, providerReference) : fetchAnswer;
    }
}
