package io.payorch.application.port.in;

/** Ask a provider for a dynamic UPI QR, keeping a record of it whatever the provider does. */
public interface CreateQrIntentUseCase {
    /** @param merchantId the merchant client asking; it owns the QR */
    QrCreation create(String merchantId, CreateQrCommand command);
}
