package io.payorch.bench.baseline;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.util.UUID;

/**
 * {@code POST /rows}: parse a small JSON body, insert one row, answer 201 with it. Blocking JDBC,
 * so off the event loop, as payorch's controllers are.
 */
@Controller("/rows")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RowController {

    private final BenchRowRepository rows;
    private final Clock clock = Clock.systemUTC();

    RowController(BenchRowRepository rows) {
        this.rows = rows;
    }

    @Post
    HttpResponse<BenchRow> create(@Body NewRow body) {
        var now = clock.instant();
        BenchRow row = rows.save(new BenchRow("row_" + UUID.randomUUID().toString().replace("-", ""),
                body.registrationId(), body.amountPaise(), "PENDING", now, now, 0L));
        return HttpResponse.created(row);
    }

    @Serdeable
    public record NewRow(String registrationId, long amountPaise) {
    }
}
