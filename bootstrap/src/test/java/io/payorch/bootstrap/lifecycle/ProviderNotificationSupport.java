package io.payorch.bootstrap.lifecycle;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.payorch.bootstrap.support.PostgresTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of a test that posts providers' payment notifications at QR rows it writes itself: the
 * client, {@link LifecycleRows}, and a {@link #tag} of its own per test (its subclass's prefix,
 * the time and a sequence number), so that rows of earlier tests and runs are never matched.
 */
abstract class ProviderNotificationSupport extends PostgresTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    LifecycleRows rows;
    String tag;

    private final String tagPrefix;

    ProviderNotificationSupport(String tagPrefix) {
        this.tagPrefix = tagPrefix;
    }

    @BeforeEach
    void rowsAndTag() {
        rows = new LifecycleRows(dataSource);
        tag = tagPrefix + Long.toString(System.currentTimeMillis(), 36) + SEQUENCE.incrementAndGet();
    }

    /** An id for a new QR row of this test. */
    String nextQrId() {
        return "qr_" + tag + "_" + SEQUENCE.incrementAndGet();
    }

    /** Inserts QR {@code id}, created now and expiring {@code validSeconds} from now; answers its id. */
    String insertQr(String id, String provider, String reference, String usage, Long amountPaise, String status,
                    long validSeconds) throws Exception {
        Instant now = clock.instant();
        rows.insertQr(id, provider, reference, usage, amountPaise, status, now.plusSeconds(validSeconds), now);
        return id;
    }

    String status(String qrId) throws Exception {
        return rows.text("SELECT status FROM qr_intent WHERE id = ?", qrId);
    }
}
