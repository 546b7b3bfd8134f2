package io.payorch.wire;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A JSON example copied verbatim from a provider page ({@code /work/shared/providers/*.txt}) into a
 * module's test resources, read the way the real transport reads a body: as maps, lists, strings,
 * numbers and booleans (as Jackson reads them by default, like the real transport).
 */
public final class ProviderPageExample {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderPageExample() {
    }

    /** The example at this class-path resource, e.g. {@code "/aop/create-200.json"}. */
    public static Map<String, Object> object(String resource) {
        try (InputStream in = ProviderPageExample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object written in the test, for variants the page describes in prose. */
    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
