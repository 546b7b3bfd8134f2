package io.payorch.bootstrap.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface QrIntentEventRepository extends CrudRepository<QrIntentEventRow, Long> {
    List<QrIntentEventRow> findByQrIdOrderById(String qrId);
}
