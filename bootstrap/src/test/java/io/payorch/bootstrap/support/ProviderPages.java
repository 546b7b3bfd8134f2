package io.payorch.bootstrap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The provider pages' own example bodies, copied verbatim into {@code provider-pages/}. */
public final class ProviderPages {

    private ProviderPages() {
    }

    public static String body(String name) {
        try (InputStream in = ProviderPages.class.getResourceAsStream("/provider-pages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no provider page example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AOPay's success example with its QR valid until tomorrow (the page's expired in 2024). */
    public static String aopSuccessValidForADay() {
        String tomorrow = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHoursMinutes(5, 30)).plusDays(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return body("aop-success.json").replace("2024-07-28T23:36:09+05:30", tomorrow);
    }

    /** A local port nothing listens on, for "connection refused". */
    public static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
