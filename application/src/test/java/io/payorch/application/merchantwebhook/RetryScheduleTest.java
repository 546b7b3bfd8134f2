package io.payorch.application.merchantwebhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {

    @Test
    void theDefaultScheduleIsAboutTwentySevenHoursOfSevenRetries() {
        RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), schedule.delays());
        assertEquals(8, schedule.maxAttempts());
        Duration total = schedule.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(27, total.toHours());
    }

    @Test
    void eachDelayGetsUpToTenPercentJitterAndNoneAfterTheLast() {
        RetrySchedule schedule = RetrySchedule.parse("10s, 100ms");
        assertEquals(Optional.of(Duration.ofSeconds(10)), schedule.after(1, () -> 0.0));
        assertEquals(Optional.of(Duration.ofSeconds(11)), schedule.after(1, () -> 1.0));
        assertEquals(Optional.of(Duration.ofMillis(105)), schedule.after(2, () -> 0.5));
        assertEquals(Optional.empty(), schedule.after(3, () -> 0.5));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5x"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("s"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("-5s"));
    }
}
