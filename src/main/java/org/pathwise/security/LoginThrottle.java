package org.pathwise.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password and token guessing. Failed sign-ins are counted per account and address, per address, and per
 * account, each in a bounded Caffeine cache that forgets a count {@code forgetAfter} after its last failure. Once a
 * count reaches its allowance, each further failure blocks its key for the initial backoff, doubling with every
 * failure up to a cap (exponential backoff); an attempt on a blocked key is refused before its password is checked,
 * so guessing costs no bcrypt time.
 *
 * <p>An address that signed in as an account within {@code trustAfterSuccess} is not held back by that account's or
 * its own address-wide blocks (only by its own account-and-address count), so an attacker elsewhere, or guessing
 * other accounts, cannot keep a user out; the account-wide cap is shorter for the same reason. Counts live in this
 * instance's memory.
 */
@Component
final class LoginThrottle {

    /** Whether an attempt may go ahead. */
    sealed interface Decision {
        /** The attempt may check its credentials. */
        record Allowed() implements Decision {}

        /** The attempt is refused without checking its credentials; the client may retry after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Decision {

            /** Whole seconds to wait, at least 1, for {@code Retry-After}. */
            long seconds() {
                return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            }
        }
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    /** Usernames that cannot exist are counted under one key, so that long junk cannot fill the caches. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private static final String UNKNOWN_ACCOUNT = "\u0000invalid";

    private record Failures(int count, Instant blockedUntil) {}

    private final SecurityProperties.LoginThrottle policy;
    private final Clock clock;
    private final Cache<String, Failures> perAccountAndAddress;
    private final Cache<String, Failures> perAddress;
    private final Cache<String, Failures> perAccount;
    private final Cache<String, Boolean> trusted;

    @Autowired
    LoginThrottle(SecurityProperties properties, Clock clock) {
        this(properties.loginThrottle(), clock);
    }

    LoginThrottle(SecurityProperties.LoginThrottle policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.perAccountAndAddress = cache(policy.forgetAfter());
        this.perAddress = cache(policy.forgetAfter());
        this.perAccount = cache(policy.forgetAfter());
        this.trusted = cache(policy.trustAfterSuccess());
    }

    /** A bounded cache on this throttle's clock whose entries expire {@code lifetime} after they were written. */
    private <V> Cache<String, V> cache(Duration lifetime) {
        return Caffeine.newBuilder()
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(lifetime)
                .maximumSize(policy.maxEntries())
                .build();
    }

    /**
     * Whether a sign-in attempt may check its credentials.
     *
     * @param account the username tried, or null for an API token
     * @param address the client's address
     */
    Decision check(String account, String address) {
        if (!policy.enabled()) {
            return ALLOWED;
        }
        var now = clock.instant();
        Instant until = null;
        if (account != null) {
            var pair = pair(account, address);
            until = later(until, blockedUntil(perAccountAndAddress.getIfPresent(pair), now));
            if (until == null && trusted.getIfPresent(pair) != null) {
                return ALLOWED;
            }
            until = later(until, blockedUntil(perAccount.getIfPresent(accountKey(account)), now));
        }
        until = later(until, blockedUntil(perAddress.getIfPresent(address), now));
        return until == null ? ALLOWED : new Decision.Throttled(Duration.between(now, until));
    }

    /**
     * Counts a failed attempt: a wrong password for {@code account}, or a wrong token when {@code account} is null.
     */
    void failed(String account, String address) {
        if (!policy.enabled()) {
            return;
        }
        var now = clock.instant();
        count(perAddress, address, policy.perAddress(), policy.maxBackoff(), now);
        if (account != null) {
            count(
                    perAccountAndAddress,
                    pair(account, address),
                    policy.perAccountAndAddress(),
                    policy.maxBackoff(),
                    now);
            count(perAccount, accountKey(account), policy.perAccount(), policy.maxAccountBackoff(), now);
        }
    }

    /** Forgets the account's failures from this address and trusts the address for the account. */
    void succeeded(String account, String address) {
        if (!policy.enabled()) {
            return;
        }
        var pair = pair(account, address);
        perAccountAndAddress.invalidate(pair);
        if (policy.trustAfterSuccess().isPositive()) {
            trusted.put(pair, Boolean.TRUE);
        }
    }

    /** How many keys the counters hold now, after pending evictions (for tests and metrics). */
    long size() {
        for (var cache : java.util.List.of(perAccountAndAddress, perAddress, perAccount)) {
            cache.cleanUp();
        }
        trusted.cleanUp();
        return perAccountAndAddress.estimatedSize()
                + perAddress.estimatedSize()
                + perAccount.estimatedSize()
                + trusted.estimatedSize();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        var address = addressOf(event.getAuthentication().getDetails());
        if (address != null) {
            failed(event.getAuthentication().getName(), address);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        var address = addressOf(event.getAuthentication().getDetails());
        if (address != null) {
            succeeded(event.getAuthentication().getName(), address);
        }
    }

    private static String addressOf(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private void count(Cache<String, Failures> cache, String key, int allowance, Duration cap, Instant now) {
        cache.asMap().compute(key, (k, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            var until = count < allowance ? now : now.plus(backoff(count - allowance, cap));
            return new Failures(count, until);
        });
    }

    /** The initial backoff doubled {@code doublings} times, at most {@code cap}. */
    private Duration backoff(int doublings, Duration cap) {
        if (doublings >= 40) {
            return cap;
        }
        var backoff = policy.initialBackoff().multipliedBy(1L << doublings);
        return backoff.compareTo(cap) > 0 ? cap : backoff;
    }

    private static Instant blockedUntil(Failures failures, Instant now) {
        return failures != null && failures.blockedUntil().isAfter(now) ? failures.blockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String accountKey(String account) {
        return USERNAME.matcher(account).matches() ? account : UNKNOWN_ACCOUNT;
    }

    private static String pair(String account, String address) {
        return accountKey(account) + "\u0000" + Objects.requireNonNull(address, "address");
    }
}
