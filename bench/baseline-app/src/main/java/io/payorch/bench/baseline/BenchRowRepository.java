package io.payorch.bench.baseline;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BenchRowRepository extends GenericRepository<BenchRow, String> {

    BenchRow save(BenchRow row);
}
