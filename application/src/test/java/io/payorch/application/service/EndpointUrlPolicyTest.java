package io.payorch.application.service;

import io.payorch.application.InvalidRequestException;
import io.payorch.application.port.out.HostResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointUrlPolicyTest {

    /** Names resolve as listed; literal addresses parse as themselves; anything else does not resolve. */
    private static final HostResolver RESOLVER = host -> {
        Map<String, String> names = Map.of("public.example", "93.184.216.34", "loopback.example", "127.0.0.1",
                "private.example", "10.0.0.1", "metadata.example", "169.254.169.254", "mixed.example", "93.184.216.34");
        if (host.equals("mixed.example")) {
            return List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.1.5"));
        }
        if (names.containsKey(host)) {
            return List.of(InetAddress.getByName(names.get(host)));
        }
        if (host.matches("[0-9a-fA-F:.]+")) {
            return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host);
    };

    private final EndpointUrlPolicy prod = new EndpointUrlPolicy(true, false, RESOLVER);

    @ParameterizedTest
    @CsvSource({
            "http://public.example/hook, must use https",
            "https://127.0.0.1/hook, loopback",
            "https://10.0.0.1/hook, private",
            "https://172.16.5.4/hook, private",
            "https://192.168.0.1/hook, private",
            "https://169.254.169.254/latest/meta-data, link-local",
            "https://[::1]/hook, loopback",
            "https://[fe80::1]/hook, link-local",
            "https://[fd00::1]/hook, private",
            "https://[::ffff:10.0.0.1]/hook, private",
            "https://224.0.0.1/hook, multicast",
            "https://0.0.0.0/hook, unspecified",
            "https://loopback.example/hook, loopback",
            "https://private.example/hook, private",
            "https://metadata.example/hook, link-local",
            "https://mixed.example/hook, private",
            "https://nowhere.example/hook, does not resolve"})
    void prodRefusesWithTheRuleNamed(String url, String rule) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> prod.check(url));
        assertEquals("url", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains(rule), e.errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://public.example/", "https://user:pw@public.example/", "/relative", "https://",
            "https://public.example/#frag", "not a url", "javascript:alert(1)", "file:///etc/passwd", ""})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThrows(InvalidRequestException.class, () -> prod.check(url));
    }

    @Test
    void prodTakesAPublicHttpsUrlAndTheSandboxRulesLiftTheAddressRule() {
        assertEquals(URI.create("https://public.example/hook"), prod.check("https://public.example/hook"));
        EndpointUrlPolicy selfHosted = new EndpointUrlPolicy(true, true, RESOLVER);
        selfHosted.check("https://10.0.0.1/hook");
        assertThrows(InvalidRequestException.class, () -> selfHosted.check("http://10.0.0.1/hook"));
        new EndpointUrlPolicy(false, true, RESOLVER).check("http://127.0.0.1:8080/hook");
    }
}
