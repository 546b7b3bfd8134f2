package io.payorch.bootstrap.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import io.payorch.application.port.in.ConsoleOverviewUseCase;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recounts the console overview's last-day provider figures every
 * {@code payorch.console.daily-figures-refresh} (default 60 s) on the scheduler's threads, so that
 * no page request pays for reading a day of provider attempts.
 */
@Singleton
public class ConsoleFiguresJob {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFiguresJob.class);

    private final ConsoleOverviewUseCase console;

    ConsoleFiguresJob(ConsoleOverviewUseCase console) {
        this.console = console;
    }

    @Scheduled(fixedDelay = "${payorch.console.daily-figures-refresh:60s}", initialDelay = "${payorch.console.daily-figures-refresh:60s}")
    void refresh() {
        try {
            console.refreshDailyFigures();
        } catch (RuntimeException e) {
            LOG.error("Console daily figures not refreshed; the overview keeps the previous ones", e);
        }
    }
}
