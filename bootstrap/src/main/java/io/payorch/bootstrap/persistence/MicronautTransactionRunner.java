package io.payorch.bootstrap.persistence;

import io.micronaut.transaction.TransactionOperations;
import io.payorch.application.port.out.TransactionRunner;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/** One database transaction around application work; the stores' own calls join it. */
@Singleton
public class MicronautTransactionRunner implements TransactionRunner {

    private final TransactionOperations<Connection> transactions;

    MicronautTransactionRunner(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
