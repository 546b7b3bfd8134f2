package io.payorch.application.port.out;

import io.payorch.application.admin.ProviderSettings;

import java.util.List;

/** The configured providers, as they may be shown (never a secret). */
public interface ProviderSettingsPort {
    List<ProviderSettings> all();
}
