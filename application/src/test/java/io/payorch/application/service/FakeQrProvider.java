package io.payorch.application.service;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;

import java.util.ArrayList;
import java.util.List;

/** A provider port whose fetch and close answers the test sets; records the calls it got. */
final class FakeQrProvider implements QrProviderPort {

    private final Provider provider;
    private final boolean closesAtProvider;
    ProviderOutcome<ProviderQr> fetchAnswer;
    ProviderOutcome<ProviderQr> closeAnswer;
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
        return true;
    }

    @Override
    public List<FieldError> check(QrProviderRequest request) {
        return List.of();
    }

    @Override
    public ProviderOutcome<ProviderQr> create(QrProviderRequest request) {
        throw new AssertionError("not used");
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
