package io.payorch.application.idempotency;

import java.util.Arrays;
import java.util.Objects;

/** The first answer to an idempotent request, replayed byte for byte to every retry. */
public record StoredResponse(int status, String contentType, byte[] body, String location) {

    public StoredResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse s && status == s.status && contentType.equals(s.contentType)
                && Arrays.equals(body, s.body) && Objects.equals(location, s.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), location);
    }

    @Override
    public String toString() {
        return "StoredResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
