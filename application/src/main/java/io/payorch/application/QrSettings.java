package io.payorch.application;

import io.payorch.domain.Money;
import io.payorch.domain.Provider;

import java.util.List;

/**
 * Settings of QR creation, mapped from configuration at the edge.
 *
 * @param maximumAmount the largest amount one QR may ask for
 * @param routingOrder  providers tried, in order, when a request names none
 */
public record QrSettings(Money maximumAmount, List<Provider> routingOrder) {
    public QrSettings {
        routingOrder = List.copyOf(routingOrder);
    }
}
