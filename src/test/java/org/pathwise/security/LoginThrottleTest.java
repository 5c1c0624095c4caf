package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pathwise.MovableClock;

class LoginThrottleTest {

    /** A clock that moves only when told. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static SecurityProperties.LoginThrottle policy(int pair, int address, int account) {
        return new SecurityProperties.LoginThrottle(
                true,
                pair,
                address,
                account,
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofDays(30),
                1000);
    }

    private static Duration retryAfter(LoginThrottle.Decision decision) {
        return switch (decision) {
            case LoginThrottle.Decision.Allowed allowed -> Duration.ZERO;
            case LoginThrottle.Decision.Throttled throttled -> throttled.retryAfter();
        };
    }

    @Test
    void allowsTheFirstFailuresThenBacksOffExponentiallyUpToTheCap() {
        var throttle = new LoginThrottle(policy(3, 1000, 1000), clock);
        throttle.failed("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");
        assertThat(throttle.check("ana", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);

        var expected = Duration.ofSeconds(1);
        for (int i = 0; i < 15; i++) {
            throttle.failed("ana", "10.0.0.1");
            assertThat(retryAfter(throttle.check("ana", "10.0.0.1"))).isEqualTo(expected);
            clock.advance(expected);
            assertThat(throttle.check("ana", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0
                    ? Duration.ofMinutes(15)
                    : expected.multipliedBy(2);
        }
        assertThat(expected).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void blocksOnlyThatAccountFromThatAddress() {
        var throttle = new LoginThrottle(policy(2, 1000, 1000), clock);
        throttle.failed("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.check("ana", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Throttled.class);
        assertThat(throttle.check("ana", "10.0.0.2")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        assertThat(throttle.check("ben", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void blocksAnAddressThatGuessesManyAccountsOrTokens() {
        var throttle = new LoginThrottle(policy(1000, 4, 1000), clock);
        throttle.failed("a1", "10.0.0.9");
        throttle.failed("a2", "10.0.0.9");
        throttle.failed(null, "10.0.0.9");
        assertThat(throttle.check("a4", "10.0.0.9")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
        throttle.failed(null, "10.0.0.9");

        assertThat(throttle.check("a5", "10.0.0.9")).isInstanceOf(LoginThrottle.Decision.Throttled.class);
        assertThat(throttle.check(null, "10.0.0.9")).isInstanceOf(LoginThrottle.Decision.Throttled.class);
        assertThat(throttle.check("a5", "10.0.0.10")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void anAccountUnderAttackFromEverywhereIsHeldBackAtMostTheShorterCap() {
        var throttle = new LoginThrottle(policy(1000, 1000, 3), clock);
        for (int i = 0; i < 40; i++) {
            throttle.failed("ana", "10.1.0." + i);
        }

        assertThat(retryAfter(throttle.check("ana", "192.168.1.1"))).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check("ana", "192.168.1.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void anAddressThatSignedInBeforeIsNotKeptOutByOthersFailures() {
        var throttle = new LoginThrottle(policy(3, 5, 3), clock);
        throttle.succeeded("ana", "10.0.0.1");
        for (int i = 0; i < 10; i++) {
            throttle.failed("ana", "10.6.6.6");
            throttle.failed("someone" + i, "10.0.0.1");
        }

        assertThat(throttle.check("ana", "10.0.0.7")).isInstanceOf(LoginThrottle.Decision.Throttled.class);
        assertThat(throttle.check("ben", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Throttled.class);
        assertThat(throttle.check("ana", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void aSuccessClearsTheAccountsFailuresFromThatAddress() {
        var throttle = new LoginThrottle(policy(2, 1000, 1000), clock);
        throttle.failed("ana", "10.0.0.1");
        throttle.succeeded("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.check("ana", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void forgetsFailuresAfterAQuietPeriod() {
        var throttle = new LoginThrottle(policy(2, 1000, 1000), clock);
        throttle.failed("ana", "10.0.0.1");
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.check("ana", "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Allowed.class);
    }

    @Test
    void keepsNoMoreKeysThanItsBound() {
        var throttle = new LoginThrottle(policy(1, 1, 1), clock);
        for (int i = 0; i < 5000; i++) {
            throttle.failed("user" + i, "10.2." + (i / 256) + "." + (i % 256));
        }

        assertThat(throttle.size()).isLessThanOrEqualTo(4 * 1000L);
    }

    @Test
    void countsJunkUsernamesUnderOneKey() {
        var throttle = new LoginThrottle(policy(2, 1000, 1000), clock);
        throttle.failed("x".repeat(5000), "10.0.0.1");
        throttle.failed("y".repeat(5000), "10.0.0.1");

        assertThat(throttle.check("z".repeat(70), "10.0.0.1")).isInstanceOf(LoginThrottle.Decision.Throttled.class);
    }
}
