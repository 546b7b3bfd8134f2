package io.payorch.application.service;

import io.payorch.application.InvalidRequestException;
import io.payorch.application.port.out.HostResolver;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a merchant's webhook endpoint may point at, against server-side request forgery.
 * Always: an absolute {@code http(s)} URL with a host, no user info or fragment, at most
 * {@value #MAX_LENGTH} characters. With {@code requireHttps} (prod): {@code https} only. Unless
 * {@code allowPrivateTargets}: every address the host resolves to must be public, not loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), multicast,
 * unspecified, carrier-grade NAT (100.64/10) or an IPv4-mapped form of those. Checked when an
 * endpoint is created or changed and again before every delivery, since DNS answers can change.
 */
public final class EndpointUrlPolicy {

    public static final int MAX_LENGTH = 2048;

    private final boolean requireHttps;
    private final boolean allowPrivateTargets;
    private final HostResolver resolver;

    public EndpointUrlPolicy(boolean requireHttps, boolean allowPrivateTargets, HostResolver resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /** @throws InvalidRequestException on field {@code url}, naming the rule it breaks */
    public URI check(String url) {
        URI uri = parse(url).orElseThrow(() -> InvalidRequestException.of("url",
                "must be an absolute http or https URL with a host, without user info or fragment, at most "
                        + MAX_LENGTH + " characters"));
        refusal(uri).ifPresent(reason -> {
            throw InvalidRequestException.of("url", reason);
        });
        return uri;
    }

    /** Why a delivery may not go to {@code uri} now, or empty when it may. */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                return Optional.of("must not point at a " + kind.get() + " address (" + host + " resolves to "
                        + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    static Optional<URI> parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getHost().isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || uri.getPort() == 0 || uri.getPort() > 65535) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The kind of non-public address {@code address} is, or empty for a public one. */
    static Optional<String> forbiddenKind(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
                return Optional.of("private");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("private (carrier-grade NAT)");
            }
            if (first == 0) {
                return Optional.of("unspecified");
            }
            if (first >= 240) {
                return Optional.of("reserved");
            }
        } else if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("private");
        }
        return Optional.empty();
    }

    /** {@code ::ffff:10.0.0.1} is {@code 10.0.0.1}. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
