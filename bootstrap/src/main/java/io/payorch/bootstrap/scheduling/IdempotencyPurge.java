package io.payorch.bootstrap.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.port.in.IdempotentRequestsUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes idempotency records past their retention ({@code payorch.idempotency.purge-interval},
 * default hourly). Any number of instances may run it: the delete is idempotent.
 */
@Singleton
class IdempotencyPurge {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotentRequestsUseCase idempotency;

    IdempotencyPurge(IdempotentRequestsUseCase idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(fixedDelay = "${payorch.idempotency.purge-interval:1h}", initialDelay = "${payorch.idempotency.purge-interval:1h}")
    void purge() {
        int purged = idempotency.purgeExpired();
        if (purged > 0) {
            LOG.info("purged {} expired idempotency records", purged);
        }
    }
}
