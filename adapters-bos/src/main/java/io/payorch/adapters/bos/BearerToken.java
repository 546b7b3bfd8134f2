package io.payorch.adapters.bos;

import java.time.Duration;

/** A bearer token as the token endpoint issued it, with its stated lifetime. Never printed. */
record BearerToken(String value, Duration lifetime) {

    @Override
    public String toString() {
        return "BearerToken[value=***, lifetime=" + lifetime + "]";
    }
}
