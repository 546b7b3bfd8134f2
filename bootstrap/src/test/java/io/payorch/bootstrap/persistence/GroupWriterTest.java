package io.payorch.bootstrap.persistence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit: a caller alone writes at once; callers arriving during a write share the next one. */
class GroupWriterTest {

    @Test
    void aCallerAloneWritesItsItemAtOnce() {
        List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
        GroupWriter<Integer, String> writer = new GroupWriter<>(8, items -> {
            writes.add(List.copyOf(items));
            return items.stream().map(i -> "r" + i).toList();
        });
        assertEquals("r1", writer.submit(1));
        assertEquals("r2", writer.submit(2));
        assertEquals(List.of(List.of(1), List.of(2)), writes);
    }

    @Test
    void callersArrivingDuringAWriteShareTheNextOneUpToTheLimitEachGettingItsOwnResult() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
        GroupWriter<Integer, Integer> writer = new GroupWriter<>(3, items -> {
            writes.add(List.copyOf(items));
            if (items.contains(0)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            return items.stream().map(i -> i * 10).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<Integer> first = pool.submit(() -> writer.submit(0));
            await(firstWriteStarted);
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                others.add(pool.submit(() -> writer.submit(item)));
            }
            waitUntilQueued(writer, 5);
            releaseFirstWrite.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 5; i++) {
                assertEquals(i * 10, others.get(i - 1).get(10, TimeUnit.SECONDS), "each caller gets its own item's result");
            }
            assertEquals(3, writes.size(), "one write alone, then the five waiting in two writes of at most 3: " + writes);
            assertEquals(List.of(0), writes.get(0));
            assertEquals(3, writes.get(1).size());
            assertEquals(2, writes.get(2).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedWriteFailsEveryItemOfItsBatchAndTheNextWriteStillRuns() {
        GroupWriter<String, String> writer = new GroupWriter<>(4, items -> {
            if (items.contains("bad")) {
                throw new IllegalStateException("database gone");
            }
            return items;
        });
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> writer.submit("bad"));
        assertEquals("database gone", failure.getMessage());
        assertEquals("good", writer.submit("good"));
    }

    @Test
    void aWriteAnsweringTheWrongNumberOfResultsIsAFailureNotASilentMismatch() {
        GroupWriter<String, String> writer = new GroupWriter<>(4, items -> List.of());
        assertTrue(assertThrows(IllegalStateException.class, () -> writer.submit("x")).getMessage().contains("answered 0"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until n callers wait in the writer's queue (read through its monitor, as the callers do). */
    private static void waitUntilQueued(GroupWriter<?, ?> writer, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queued() < n) {
            assertTrue(System.nanoTime() < deadline, "callers did not queue");
            Thread.sleep(5);
        }
    }
}
