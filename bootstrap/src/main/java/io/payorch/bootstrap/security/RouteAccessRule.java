package io.payorch.bootstrap.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Collection;

/**
 * Who may call what, in one place (it runs before every other rule):
 * <ul>
 *   <li>{@code /health}, {@code /sandbox/**} (simulators, sandbox only) and {@code /v1/webhooks/**}
 *       (they check their own signatures): anyone;</li>
 *   <li>{@code /v1/**}: a merchant or an admin;</li>
 *   <li>{@code /admin/**}: an admin (a merchant gets 403);</li>
 *   <li>{@code /console/**}: the operator console checks its own session cookie (admins only,
 *       console.ConsoleSessionFilter), so Basic credentials are not asked for;</li>
 *   <li>{@code /prometheus}, {@code /swagger/**}, {@code /swagger-ui/**}: anyone when
 *       {@code payorch.security.open-ops-endpoints} is true, else admins;</li>
 *   <li>anything else: any authenticated client (unknown paths then answer 404).</li>
 * </ul>
 * A rejected anonymous request answers 401, a rejected authenticated one 403.
 */
@Singleton
class RouteAccessRule implements SecurityRule<HttpRequest<?>> {

    private final boolean openOpsEndpoints;

    RouteAccessRule(@Value("${payorch.security.open-ops-endpoints:false}") boolean openOpsEndpoints) {
        this.openOpsEndpoints = openOpsEndpoints;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(decide(request == null ? "" : request.getPath(), authentication));
    }

    SecurityRuleResult decide(String path, @Nullable Authentication authentication) {
        if (under(path, "/health") || under(path, "/sandbox") || under(path, "/v1/webhooks") || under(path, "/console")) {
            return SecurityRuleResult.ALLOWED;
        }
        if (under(path, "/admin")) {
            return allowIf(hasRole(authentication, ApiClientDirectory.ROLE_ADMIN));
        }
        if (under(path, "/v1")) {
            return allowIf(hasRole(authentication, ApiClientDirectory.ROLE_MERCHANT)
                    || hasRole(authentication, ApiClientDirectory.ROLE_ADMIN));
        }
        if (under(path, "/prometheus") || under(path, "/swagger") || under(path, "/swagger-ui")) {
            return allowIf(openOpsEndpoints || hasRole(authentication, ApiClientDirectory.ROLE_ADMIN));
        }
        return allowIf(authentication != null);
    }

    private static SecurityRuleResult allowIf(boolean allowed) {
        return allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static boolean hasRole(@Nullable Authentication authentication, String role) {
        if (authentication == null) {
            return false;
        }
        Collection<String> roles = authentication.getRoles();
        return roles != null && roles.contains(role);
    }
}
