package io.payorch.application.port.out;

import java.util.Map;
import java.util.Optional;

/** Reads a JSON object into maps, lists, strings, numbers and booleans; empty when it is not one. */
public interface JsonObjectParser {
    Optional<Map<String, Object>> parseObject(byte[] json);
}
