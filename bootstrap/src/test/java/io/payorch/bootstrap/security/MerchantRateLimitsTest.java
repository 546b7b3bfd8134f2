package io.payorch.bootstrap.security;

import io.micronaut.context.ApplicationContext;
import io.payorch.bootstrap.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bucket arithmetic and the settings' checks, on a clock moved by hand. */
class MerchantRateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aDeploymentOfTwoInstancesGivesEachHalfTheRateAndHalfTheBurstRoundedUp() {
        MerchantRateLimits limits = new MerchantRateLimits(Map.of("acme", new MerchantRateLimits.Setting(5, 5)), clock, 2);
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.take("acme").orElseThrow().allowed());
        }
        MerchantRateLimits.Decision refused = limits.take("acme").orElseThrow();
        assertFalse(refused.allowed());
        assertEquals(3, refused.quota());
        assertEquals(2, refused.windowSeconds(), "3 tokens at 2.5 per second");
        assertEquals(1, refused.seconds(), "the next token comes in 0.4 s, rounded up");
        clock.advance(Duration.ofMillis(399));
        assertFalse(limits.take("acme").orElseThrow().allowed());
        clock.advance(Duration.ofMillis(1));
        assertTrue(limits.take("acme").orElseThrow().allowed());
        assertTrue(limits.take("globex").isEmpty(), "no setting, no limit");
    }

    @Test
    void theBurstDefaultsToTheRateAndBadSettingsStopTheStartNamingTheSetting() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "payorch.security.merchants.acme.rate-limit.requests-per-second", "7",
                "payorch.security.merchants.initech.rate-limit.requests-per-second", "0",
                "payorch.security.merchants.umbrella.rate-limit.burst", "3",
                "payorch.security.merchants.hooli.rate-limit.requests-per-second", "2.5")).build()) {
            var env = context.getEnvironment().start();
            assertEquals(Map.of("acme", new MerchantRateLimits.Setting(7, 7)),
                    MerchantRateLimits.settings(List.of("acme", "globex"), env));
            for (String id : List.of("initech", "umbrella", "hooli")) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> MerchantRateLimits.settings(List.of(id), env));
                assertTrue(e.getMessage().startsWith("payorch.security.merchants." + id + ".rate-limit."), e.getMessage());
            }
        }
        assertThrows(IllegalStateException.class, () -> new MerchantRateLimits(Map.of(), clock, 0));
    }
}
