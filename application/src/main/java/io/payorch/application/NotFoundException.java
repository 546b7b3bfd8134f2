package io.payorch.application;

/** No such resource. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
    }
}
