package io.payorch.bootstrap.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Reads only: every write goes through {@link AggregateWrite} or the sweeps' set-based SQL. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TransferOtpRepository extends GenericRepository<TransferOtpRow, String> {
    Optional<TransferOtpRow> findById(String id);
}
