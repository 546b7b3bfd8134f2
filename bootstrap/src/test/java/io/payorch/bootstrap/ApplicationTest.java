package io.payorch.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What main() settles before anything else loads. */
class ApplicationTest {

    @Test
    void onTwoCoresOrFewerTheCommonPoolGetsTwoThreadsSoThatDefaultAsyncTasksDoNotEachStartAThread() {
        assertEquals("2", Application.commonPoolParallelism(null, 1));
        assertEquals("2", Application.commonPoolParallelism(null, 2));
        assertNull(Application.commonPoolParallelism(null, 3), "3 cores: the JDK's own default (2) is enough");
        assertNull(Application.commonPoolParallelism(null, 64));
        assertNull(Application.commonPoolParallelism("1", 2), "an operator's choice stands");
    }

    @Test
    void withTwoOrMoreCommonPoolThreadsCompletableFutureRunsDefaultAsyncTasksThere() {
        // the premise: this JVM's common pool decides which default executor CompletableFuture uses
        if (ForkJoinPool.getCommonPoolParallelism() > 1) {
            assertSame(ForkJoinPool.commonPool(), new CompletableFuture<Void>().defaultExecutor());
        } else {
            assertEquals("ThreadPerTaskExecutor", new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName());
        }
    }
}
