package io.payorch.application.port.out;

/** Makes new opaque ids such as {@code qr_...}. */
public interface IdGenerator {
    String newId(String prefix);
}
