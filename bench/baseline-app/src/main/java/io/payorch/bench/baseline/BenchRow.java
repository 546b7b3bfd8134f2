package io.payorch.bench.baseline;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One row of {@code bench_row}: about the width of payorch's QR row's first insert. */
@MappedEntity("bench_row")
@Serdeable
public record BenchRow(@Id String id,
                       String registrationId,
                       long amountPaise,
                       String status,
                       Instant createdAt,
                       Instant updatedAt,
                       long version) {
}
