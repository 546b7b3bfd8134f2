package io.payorch.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The items one sweep batch expired (in one transaction). */
public record ExpiredBatch(List<Item> items) {

    public ExpiredBatch {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public Optional<Instant> oldestExpiry() {
        return items.stream().map(Item::expiredAt).min(Instant::compareTo);
    }

    /** @param provider the provider's name (DMT for OTPs), or null where none was chosen */
    public record Item(String id, String provider, Instant expiredAt) {
    }
}
