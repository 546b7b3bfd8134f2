package io.payorch.adapters.aop;

import io.payorch.application.FieldError;
import io.payorch.application.port.out.ProviderOutcome;
import io.payorch.application.port.out.QrProviderPort;
import io.payorch.application.port.out.QrProviderRequest;
import io.payorch.wire.ProviderEndpoint;
import io.payorch.wire.ProviderTransport;
import io.payorch.wire.V4QrFormat;
import io.payorch.domain.Provider;
import io.payorch.domain.ProviderQr;

import java.util.List;
import java.util.Map;

/** AOPay's V4 DynamicQRCode: {@code POST /api/AOP/V4/DynamicQRCode} with RegistrationID and a rupee string. */
public final class AopQrClient implements QrProviderPort {

    public static final String PATH = "/api/AOP/V4/DynamicQRCode";

    private final ProviderEndpoint endpoint;
    private final ProviderTransport transport;

    public AopQrClient(ProviderEndpoint endpoint, ProviderTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
    }

    @Override
    public Provider provider() {
        return Provider.AOP;
    }

    @Override
    public boolean enabled() {
        return endpoint.enabled();
    }

    @Override
    public List<FieldError> check(QrProviderRequest request) {
        return V4QrFormat.check(Provider.AOP, request);
    }

    @Override
    public ProviderOutcome<ProviderQr> create(QrProviderRequest request) {
        Map<String, Object> body = V4QrFormat.request(request);
        return transport.exchange("POST", endpoint.resolve(PATH), endpoint.extraHeaders(), body,
                answer -> V4QrFormat.read(Provider.AOP, answer));
    }
}
