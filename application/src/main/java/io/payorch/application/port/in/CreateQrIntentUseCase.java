package io.payorch.application.port.in;

/** Ask a provider for a dynamic UPI QR, keeping a record of it whatever the provider does. */
public interface CreateQrIntentUseCase {
    QrCreation create(CreateQrCommand command);
}
