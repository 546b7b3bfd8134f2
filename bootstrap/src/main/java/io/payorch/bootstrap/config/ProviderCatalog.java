package io.payorch.bootstrap.config;

import io.payorch.application.admin.ProviderSettings;
import io.payorch.application.port.out.ProviderSettingsPort;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The providers' settings as operations may see them: enabled, base URL without user info, query
 * or fragment, and how payorch authenticates (header names only, never a value or a secret).
 */
@Singleton
class ProviderCatalog implements ProviderSettingsPort {

    static final List<String> PROVIDERS = List.of("aop", "oqpay", "bos", "razorpay", "dmt");

    private final ProviderRegistry registry;

    ProviderCatalog(ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<ProviderSettings> all() {
        return PROVIDERS.stream().map(this::settings).toList();
    }

    private ProviderSettings settings(String name) {
        ProviderProperties p = registry.properties(name);
        return new ProviderSettings(name, p.isEnabled(), baseUrl(name), authMode(name, p));
    }

    private String baseUrl(String name) {
        try {
            URI uri = registry.baseUrl(name);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalStateException | URISyntaxException e) {
            return null;
        }
    }

    static String authMode(String name, ProviderProperties p) {
        String mode = switch (name) {
            case "razorpay" -> "http-basic (key id and key secret)";
            case "bos" -> "bearer token (token call, valid 600 s)";
            default -> "none documented by the provider";
        };
        Map<String, String> headers = p.getHeaders();
        if (headers != null && !headers.isEmpty()) {
            mode += "; extra headers " + new TreeSet<>(headers.keySet());
        }
        return mode;
    }
}
