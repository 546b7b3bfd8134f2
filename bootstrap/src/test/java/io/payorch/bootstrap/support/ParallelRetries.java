package io.payorch.bootstrap.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same POST with the same Idempotency-Key sent by many clients at the same instant. */
public final class ParallelRetries {

    private ParallelRetries() {
    }

    /**
     * Sends {@code count} identical requests at once and checks what every idempotent endpoint
     * must answer: only 201 (the stored answer) or 409 (still in flight), and one 201 body.
     *
     * @return that one 201 body
     */
    public static String sendAndExpectOneAnswer(ApiCalls api, String path, String body, String key, int count)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return api.post(path, ApiCalls.merchant(), body, Map.of("Idempotency-Key", key));
            }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();

        Set<Integer> statuses = answers.stream().map(HttpResponse::statusCode).collect(Collectors.toSet());
        assertTrue(Set.of(201, 409).containsAll(statuses), "statuses " + statuses);
        Set<String> created = answers.stream().filter(r -> r.statusCode() == 201).map(HttpResponse::body)
                .collect(Collectors.toSet());
        assertEquals(1, created.size(), "every 201 carries the same body");
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertTrue(r.body().contains("idempotency_key_in_flight"), r.body()));
        return created.iterator().next();
    }
}
