package io.payorch.bootstrap.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TransferOtpEventRepository extends CrudRepository<TransferOtpEventRow, Long> {
    List<TransferOtpEventRow> findByOtpIdOrderById(String otpId);
}
